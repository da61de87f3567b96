using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Web.Hosting;

namespace Upheld.Web.Staff;

/// <summary><c>/staff/import</c>: upload an import folder as a zip; the import's all-or-nothing rule, and its report on the page.</summary>
public static class ImportUploadPages
{
    public static void MapImportUpload(this RouteGroupBuilder staff)
    {
        staff.MapGet("/import", (HttpContext context) => StaffAnswers.Page<ImportPage, ImportPageModel>(context, ImportPageModel.Empty)).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapPost("/import", async (HttpContext context, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            var form = await context.Request.ReadFormAsync();
            var errors = new FormErrors();
            var upload = form.Files["folder"];
            if (upload is null || upload.Length == 0)
                return StaffAnswers.Page<ImportPage, ImportPageModel>(context, new(errors.Add("folder", "Choose a zip file of an import folder")), StatusCodes.Status400BadRequest);
            if (upload.Length > ZipFolder.LargestUpload)
                return StaffAnswers.Page<ImportPage, ImportPageModel>(context, new(errors.Add("folder", $"The zip file is larger than {ZipFolder.LargestUpload / (1024 * 1024)} MB; import it from the command line")), StatusCodes.Status400BadRequest);
            await using var stream = upload.OpenReadStream();
            var (files, problem) = ZipFolder.Read(stream);
            if (files is null)
                return StaffAnswers.Page<ImportPage, ImportPageModel>(context, new(errors.Add("folder", problem!)), StatusCodes.Status400BadRequest);
            var replace = form["replace"] == "true";
            var note = RevisionNoteForm.Read(form);
            ImportResult result;
            try
            {
                result = ImportData.Files(database, files, replace, $"upload {Path.GetFileName(upload.FileName)}", StaffAnswers.Person(context).Actor, clock, note);
            }
            catch (Upheld.Publishing.RevisionReasonMissing missing)
            {
                return StaffAnswers.Page<ImportPage, ImportPageModel>(context, new(RevisionNoteForm.Missing(missing), Note: note), StatusCodes.Status400BadRequest);
            }
            if (result.Succeeded) await refresh.AfterChangeAsync();
            return StaffAnswers.Page<ImportPage, ImportPageModel>(context, new(FormErrors.None, result, upload.FileName, result.Succeeded ? null : note), result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        }).RequireAuthorization(StaffSetup.StaffPolicy).DisableRequestTimeout().ForImportUpload();
    }
}
