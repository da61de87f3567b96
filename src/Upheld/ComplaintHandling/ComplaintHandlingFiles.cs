using Dapper;
using Upheld.Csv;
using Upheld.Import;

namespace Upheld.ComplaintHandling;

/// <summary>
/// complaint_returns.csv and code_self_assessments.csv: a council's own complaint figures and its self-assessment
/// against the Complaint Handling Code, keyed by authority, year and stage or section (docs/data-formats.md).
/// </summary>
internal static class ComplaintHandlingFiles
{
    public static readonly IReadOnlyList<string> Stages = ["1", "2"];

    // Each run's first submission date per council-year, kept beside the run rather than in it (the file is this feature's own).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImportRun, Dictionary<(string, int), (string Date, int Line)>> SubmissionDates = new();
    public static readonly IReadOnlyList<string> Follows = ["yes", "no"];

    public static readonly KeyedFile Returns = new("complaint_returns.csv",
        ["authority_code", "year", "stage", "received", "responded", "responded_in_time", "upheld"], "complaint_returns",
        ["authority_code", "year", "stage", "received", "responded", "responded_in_time", "upheld"], 3,
        (run, row) =>
        {
            var authority = run.Authority(row, "authority_code");
            var year = run.Year(row, "year");
            var stage = run.Choice(row, "stage", Stages, "stage");
            var received = run.Number(row, "received", required: true);
            var responded = run.Number(row, "responded", required: true);
            var inTime = run.Number(row, "responded_in_time", required: true);
            var upheld = run.Number(row, "upheld", required: true);
            AtMost(run, row, "responded_in_time", inTime, "responded", responded);
            AtMost(run, row, "upheld", upheld, "responded", responded);
            run.ExistsIn(authority, year, row, "year");
            return run.RowIsBad ? null : [authority!.Code, year!.Value.StartYear, int.Parse(stage!), received, responded, inTime, upheld];
        });

    public static readonly KeyedFile SelfAssessments = new("code_self_assessments.csv",
        ["authority_code", "year", "section", "follows", "submitted_on"], "code_self_assessments",
        ["authority_code", "year", "section", "follows", "evidence", "action", "target_date", "submitted_on"], 3,
        (run, row) =>
        {
            var authority = run.Authority(row, "authority_code");
            var year = run.Year(row, "year");
            var section = run.Choice(row, "section", CodeSections.Ids, "section of the Code's self-assessment");
            var follows = run.Choice(row, "follows", Follows, "answer");
            var evidence = run.Text(row, "evidence");
            var action = run.Text(row, "action");
            var target = run.Date(row, "target_date");
            var submitted = run.Date(row, "submitted_on", required: true);
            if (follows == "no")
            {
                // A section the council does not follow is published with what it will do and by when.
                if (row.Text("action") is null) run.Report(row.Line, "action", "a value is required when follows is 'no': what the council will do to follow this section");
                if (row["target_date"] is null) run.Report(row.Line, "target_date", "a value is required when follows is 'no': when the council will follow this section");
            }
            if (run.ExistsIn(authority, year, row, "year") && submitted is not null)
                OneSubmissionDate(run, row, authority!.Code, year!.Value, submitted.Value);
            return run.RowIsBad ? null :
                [authority!.Code, year!.Value.StartYear, section, follows, evidence, action, ImportRun.Iso(target), ImportRun.Iso(submitted)];
        },
        readsStore: true);

    private static void AtMost(ImportRun run, CsvRow row, string part, long? partValue, string whole, long? wholeValue)
    {
        if (partValue is { } p && wholeValue is { } w && p > w)
            run.Report(row.Line, part, $"{part} ({p}) is more than {whole} ({w})");
    }

    /// <summary>A self-assessment is submitted once: every section of a council's year carries the same date, in the file and in the store.</summary>
    private static void OneSubmissionDate(ImportRun run, CsvRow row, string code, FinancialYear year, DateOnly submitted)
    {
        var key = (code, year.StartYear);
        var given = ImportRun.Iso(submitted)!;
        var dates = SubmissionDates.GetOrCreateValue(run);
        if (dates.TryGetValue(key, out var first))
        {
            if (first.Date != given)
                run.Report(row.Line, "submitted_on", $"{code} {year} was submitted on {first.Date} on line {first.Line}; every section of one self-assessment has the same date");
            return;
        }
        dates[key] = (given, row.Line);
        if (run.Replace) return;
        var stored = run.Connection.Query<string>(
            "SELECT DISTINCT submitted_on FROM code_self_assessments WHERE authority_code = @code AND year = @year",
            new { code, year = year.StartYear }, run.Transaction).ToList();
        if (stored.Count > 0 && !stored.Contains(given))
            run.Report(row.Line, "submitted_on", $"{code} {year}'s self-assessment is already stored as submitted on {stored.Min()}, not {given}; use --replace to change it");
    }
}
