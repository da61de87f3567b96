using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Import;

/// <summary>Corrects one stored recommendation in place, its wording (part of its key) included, keeping its place in a letter's list.</summary>
/// <remarks>
/// Used by <c>/staff/record/recommendation/edit</c>; the command line has no counterpart, because an import finds a
/// recommendation by its words and so adds a new one when they change. The stored recommendation is taken out and the
/// corrected row put in by the import itself (<see cref="RecommendationCorrection"/>), so the row is checked exactly as an
/// import checks it; the row, an audit entry with the recommendation before and after, and the snapshots commit together.
/// </remarks>
public static class CorrectRecommendation
{
    /// <param name="values">Column to value, for the columns of <see cref="CaseRow.Recommendation"/>.</param>
    public static ImportResult Run(Database database, RecommendationKey original, IReadOnlyDictionary<string, string?> values, Actor actor, TimeProvider clock,
        Publishing.RevisionNote? note = null) =>
        Write(database, original, CaseRow.Recommendation.AsImportFile(values), actor, clock,
            RecommendationKey.Of(values.GetValueOrDefault("case_ref") ?? "", values.GetValueOrDefault("kind") ?? "", values.GetValueOrDefault("text")), note);

    internal static ImportResult Write(Database database, RecommendationKey original, byte[] recommendationsCsv, Actor? actor, TimeProvider clock, RecommendationKey? corrected,
        Publishing.RevisionNote? note = null)
    {
        using var change = Importer.Begin(database, actor, clock);
        change.Note = note;
        var before = StoredRows.Json(StoredRows.Recommendation(change.Connection, change.Transaction, original));
        var result = Importer.Run(change, [("recommendations.csv", () => new MemoryStream(recommendationsCsv, writable: false))], replace: false, progress: null, new ImportProblems(),
            new RecommendationCorrection(original, recommendationsCsv));
        if (!result.Succeeded) return result;
        if (corrected is not null && StoredRows.Json(StoredRows.Recommendation(change.Connection, change.Transaction, corrected)) is var after && after != before)
            change.Audit("correct recommendation", $"recommendations {original.CaseRef} {original.Kind}", before, after);
        change.Commit();
        return result;
    }
}
