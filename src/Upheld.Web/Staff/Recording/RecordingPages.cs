using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Accounts;
using Upheld.Csv;
using Upheld.Import;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary><c>/staff/record/{kind}</c>: forms to add and correct decisions, recommendations and compliance outcomes.</summary>
/// <remarks>
/// Each submission becomes a one-row import file and goes through the <see cref="Importer"/>, so the rules are the import's;
/// the audit entry (who, when, the row before and after) is written in the import's own transaction.
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
                if (RecordStore.Find(connection, null, chosen, key) is { } stored)
                {
                    // A recommendation is corrected in place, its words included (RecommendationEditPages).
                    if (chosen == RecordKind.Recommendation)
                        return StaffAnswers.SeeOther(RecommendationEditPages.Address(RecommendationKey.Of(case_ref.Trim(), rec_kind ?? "", text)));
                    values = RecordStore.FormValues(chosen, stored);
                    correcting = true;
                }
                if (chosen == RecordKind.Recommendation) recommendations = RecordStore.Recommendations(connection, case_ref.Trim());
            }
            return StaffAnswers.Page<RecordPage>(context, new { Kind = chosen, Values = values, Correcting = correcting, Saved = saved == true, Recommendations = recommendations });
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapPost("/record/{kind}", async (HttpContext context, string kind, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (RecordKind.Find(kind) is not { } chosen) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var values = chosen.Columns.ToDictionary(c => c, c => (string?)form[c].ToString().Trim(), StringComparer.Ordinal);
            var correcting = form["mode"] == "correct";
            var person = StaffAnswers.Person(context);
            using (var connection = database.Connect())
            {
                var before = RecordStore.Find(connection, null, chosen, values);
                var file = CsvWriter.BuildImportFile(chosen.Columns, [chosen.Columns.Select(c => values[c]).ToList()]);
                var result = new Importer(database, clock).Import(new Dictionary<string, byte[]> { [chosen.File] = file }, replace: correcting, (c, t, _) =>
                {
                    var after = RecordStore.Find(c, t, chosen, values);
                    var action = before is null ? $"add {chosen.Slug}" : $"correct {chosen.Slug}";
                    var entity = $"{chosen.Table} {string.Join(" ", chosen.Key.Select(k => values[k]))}";
                    if (RecordStore.Json(before) != RecordStore.Json(after))
                        AuditLog.Record(c, t, clock.GetUtcNow(), person.Label, action, entity, RecordStore.Json(before), RecordStore.Json(after));
                });
                if (!result.Succeeded)
                {
                    var errors = FormErrors.From(result.Problems, chosen.Columns);
                    return StaffAnswers.Page<RecordPage>(context, new { Kind = chosen, Values = values, Correcting = correcting, Errors = errors }, StatusCodes.Status400BadRequest);
                }
            }
            await refresh.AfterChangeAsync();
            var query = $"case_ref={Uri.EscapeDataString(values["case_ref"] ?? "")}&saved=true" +
                (chosen == RecordKind.Recommendation ? $"&rec_kind={Uri.EscapeDataString(values["kind"] ?? "")}&text={Uri.EscapeDataString(values["text"] ?? "")}" : "");
            return StaffAnswers.SeeOther($"/staff/record/{chosen.Slug}?{query}");
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapRecommendationEdit();
    }
}
