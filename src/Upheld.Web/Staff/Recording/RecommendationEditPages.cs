using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Import;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary><c>/staff/record/recommendation/edit</c>: corrects a stored recommendation in place, its wording included.</summary>
/// <remarks>
/// Imports find a recommendation by case, kind and words, so the ordinary correcting form would add a new one when the words
/// change. Here the recommendation is chosen by its stored key and corrected through <see cref="CorrectRecommendation"/>:
/// the import's checks and messages, its place in the letter kept, before and after in the audit log.
/// </remarks>
public static class RecommendationEditPages
{
    public const string Path = "/staff/record/recommendation/edit";

    public static string Address(RecommendationKey key, bool saved = false) =>
        $"{Path}?case_ref={Uri.EscapeDataString(key.CaseRef)}&kind={Uri.EscapeDataString(key.Kind)}&hash={Uri.EscapeDataString(key.TextHash)}{(saved ? "&saved=true" : "")}";

    public static void MapRecommendationEdit(this RouteGroupBuilder staff)
    {
        var fields = RecordKind.Recommendation.Columns;

        staff.MapGet("/record/recommendation/edit", (HttpContext context, string? case_ref, string? kind, string? hash, bool? saved, Database database) =>
        {
            var key = new RecommendationKey(case_ref ?? "", kind ?? "", hash ?? "");
            using var connection = database.Connect();
            if (StoredRows.Recommendation(connection, null, key) is not { } stored) return StaffAnswers.NotFound(context);
            return Form(context, connection, key, RecordStore.FormValues(RecordKind.Recommendation, stored), saved == true, FormErrors.None);
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapPost("/record/recommendation/edit", async (HttpContext context, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            var form = await context.Request.ReadFormAsync();
            var original = new RecommendationKey(form["original_case_ref"].ToString(), form["original_kind"].ToString(), form["original_hash"].ToString());
            var values = fields.ToDictionary(c => c, c => (string?)form[c].ToString().Trim(), StringComparer.Ordinal);
            var corrected = RecommendationKey.Of(values["case_ref"] ?? "", values["kind"] ?? "", values["text"]);
            var note = RevisionNoteForm.Read(form);
            ImportResult result;
            try
            {
                result = CorrectRecommendation.Run(database, original, values, StaffAnswers.Person(context).Actor, clock, note);
            }
            catch (Upheld.Publishing.RevisionReasonMissing missing)
            {
                using var refused = database.Connect();
                return Form(context, refused, original, values, false, RevisionNoteForm.Missing(missing), StatusCodes.Status400BadRequest, note);
            }
            using var connection = database.Connect();
            if (!result.Succeeded)
                return Form(context, connection, original, values, false, FormErrors.From(result.Problems, fields), StatusCodes.Status400BadRequest, note);
            await refresh.AfterChangeAsync();
            return StaffAnswers.SeeOther(Address(corrected, saved: true));
        }).RequireAuthorization(StaffSetup.StaffPolicy);
    }

    private static IResult Form(HttpContext context, System.Data.Common.DbConnection connection, RecommendationKey original, IReadOnlyDictionary<string, string?> values,
        bool saved, FormErrors errors, int status = StatusCodes.Status200OK, Upheld.Publishing.RevisionNote? note = null) =>
        StaffAnswers.Page<RecordPage>(context, new RecordModel(RecordKind.Recommendation, values, true, saved, errors,
            RecordStore.Recommendations(connection, original.CaseRef), original, note), status);
}
