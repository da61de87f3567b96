using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Import;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>What a recording form shows: the kind, the values, whether it corrects a stored row, and for a recommendation the case's others.</summary>
/// <param name="Original">The recommendation being corrected in place, by its key before the correction; null on other forms.</param>
public sealed record RecordModel(RecordKind Kind, IReadOnlyDictionary<string, string?> Values, bool Correcting, bool Saved, FormErrors Errors,
    IReadOnlyList<(RecommendationKey Key, string Text)> Recommendations, RecommendationKey? Original = null, Upheld.Publishing.RevisionNote? Note = null);

/// <summary><c>/staff/record/{kind}</c>: forms to add and correct decisions, recommendations and compliance outcomes.</summary>
/// <remarks>
/// Each submission is recorded by <see cref="RecordCase"/>: a one-row import file, so the rules are the import's, and the
/// audit entry (who, when, the row before and after) in the import's own transaction.
/// </remarks>
public static class RecordingPages
{
    public static void MapRecording(this RouteGroupBuilder staff)
    {
        staff.MapGet("/record", (HttpContext context) => StaffAnswers.Page<RecordStartPage>(context)).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapGet("/record/{kind}", (HttpContext context, string kind, string? case_ref, string? rec_kind, string? text, bool? saved, Database database) =>
        {
            if (RecordKind.Find(kind) is not { } chosen) return StaffAnswers.NotFound(context);
            Dictionary<string, string?> values = new() { ["case_ref"] = case_ref };
            var correcting = false;
            IReadOnlyList<(RecommendationKey Key, string Text)> recommendations = [];
            if (!string.IsNullOrWhiteSpace(case_ref))
            {
                using var connection = database.Connect();
                var key = new Dictionary<string, string?> { ["case_ref"] = case_ref.Trim(), ["kind"] = rec_kind, ["text"] = text };
                if (StoredRows.Find(connection, null, chosen.Row, key) is { } stored)
                {
                    // A recommendation is corrected in place, its words included (RecommendationEditPages).
                    if (chosen == RecordKind.Recommendation)
                        return StaffAnswers.SeeOther(RecommendationEditPages.Address(RecommendationKey.Of(case_ref.Trim(), rec_kind ?? "", text)));
                    values = RecordStore.FormValues(chosen, stored);
                    correcting = true;
                }
                if (chosen == RecordKind.Recommendation) recommendations = RecordStore.Recommendations(connection, case_ref.Trim());
            }
            return StaffAnswers.Page<RecordPage>(context, new RecordModel(chosen, values, correcting, saved == true, FormErrors.None, recommendations));
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapPost("/record/{kind}", async (HttpContext context, string kind, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (RecordKind.Find(kind) is not { } chosen) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var values = chosen.Columns.ToDictionary(c => c, c => (string?)form[c].ToString().Trim(), StringComparer.Ordinal);
            var correcting = form["mode"] == "correct";
            var note = RevisionNoteForm.Read(form);
            ImportResult result;
            try
            {
                result = RecordCase.Run(database, chosen.Row, values, correcting, StaffAnswers.Person(context).Actor, clock, note);
            }
            catch (Upheld.Publishing.RevisionReasonMissing missing)
            {
                return StaffAnswers.Page<RecordPage>(context, new RecordModel(chosen, values, correcting, false, RevisionNoteForm.Missing(missing), [], Note: note),
                    StatusCodes.Status400BadRequest);
            }
            if (!result.Succeeded)
                return StaffAnswers.Page<RecordPage>(context, new RecordModel(chosen, values, correcting, false, FormErrors.From(result.Problems, chosen.Columns), [], Note: note),
                    StatusCodes.Status400BadRequest);
            await refresh.AfterChangeAsync();
            var query = $"case_ref={Uri.EscapeDataString(values["case_ref"] ?? "")}&saved=true" +
                (chosen == RecordKind.Recommendation ? $"&rec_kind={Uri.EscapeDataString(values["kind"] ?? "")}&text={Uri.EscapeDataString(values["text"] ?? "")}" : "");
            return StaffAnswers.SeeOther($"/staff/record/{chosen.Slug}?{query}");
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapRecommendationEdit();
    }
}
