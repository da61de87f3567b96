using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.ComplaintHandling;

/// <summary>Reads from the store every council's returns and self-assessment of a year, beside the key statistics' counts.</summary>
public static class ComplaintHandlingQuery
{
    private sealed class ReturnRow
    {
        public string AuthorityCode { get; set; } = "";
        public long Stage { get; set; }
        public long Received { get; set; }
        public long Responded { get; set; }
        public long RespondedInTime { get; set; }
        public long Upheld { get; set; }
    }

    private sealed class AssessmentRow
    {
        public string AuthorityCode { get; set; } = "";
        public string Section { get; set; } = "";
        public string Follows { get; set; } = "";
        public string? Evidence { get; set; }
        public string? Action { get; set; }
        public string? TargetDate { get; set; }
        public string SubmittedOn { get; set; } = "";
    }

    public static IReadOnlyList<ComplaintHandlingCounts> ForYear(Database database, FinancialYear year)
    {
        using var connection = database.Connect();
        return ForYear(connection, year);
    }

    /// <param name="ombudsman">The year's key-statistics counts when the caller has them already (the site); read otherwise.</param>
    /// <param name="transaction">The open transaction of a change that reads the figures as they will commit (the published snapshot).</param>
    public static IReadOnlyList<ComplaintHandlingCounts> ForYear(DbConnection connection, FinancialYear year, IEnumerable<AuthorityYearCounts>? ombudsman = null,
        DbTransaction? transaction = null)
    {
        var p = new { year = year.StartYear };
        var deadline = SubmissionDeadlines.For(connection, year, transaction);
        var returns = connection.Query<ReturnRow>(
            "SELECT authority_code, stage, received, responded, responded_in_time, upheld FROM complaint_returns WHERE year = @year", p, transaction)
            .ToDictionary(r => (r.AuthorityCode, r.Stage), r => new StageReturn(r.Received, r.Responded, r.RespondedInTime, r.Upheld));
        var order = CodeSections.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var assessments = connection.Query<AssessmentRow>(
            "SELECT authority_code, section, follows, evidence, action, target_date, submitted_on FROM code_self_assessments WHERE year = @year", p, transaction)
            .GroupBy(r => r.AuthorityCode)
            .ToDictionary(g => g.Key, g =>
            {
                // Every section carries one date (the import sees to it); after a --replace of some sections the latest counts.
                var submitted = g.Max(r => Date(r.SubmittedOn)!.Value);
                return new SelfAssessment(submitted, Late: deadline?.IsLate(submitted) ?? false,
                    g.OrderBy(r => order.GetValueOrDefault(r.Section, int.MaxValue))
                        .Select(r => new SelfAssessmentRow(r.Section, r.Follows == "yes", r.Evidence, r.Action, Date(r.TargetDate))).ToList());
            });
        return (ombudsman ?? CountsQuery.ForYear(connection, year, transaction)).Select(c => new ComplaintHandlingCounts(c,
            returns.GetValueOrDefault((c.Code, 1L)), returns.GetValueOrDefault((c.Code, 2L)), assessments.GetValueOrDefault(c.Code))).ToList();
    }

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
