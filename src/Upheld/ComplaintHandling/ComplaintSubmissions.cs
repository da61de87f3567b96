using System.Data.Common;
using Dapper;
using Upheld.Accounts;

namespace Upheld.ComplaintHandling;

/// <summary>Ombudsman staff's question about a council's submission, and when a new submission answered it (null while open).</summary>
public sealed record SubmissionQuery(string Note, DateTimeOffset At, string By, DateTimeOffset? AnsweredAt)
{
    public bool Open => AnsweredAt is null;
}

/// <summary>The exchange around one council's complaint-handling submission of a year (the figures are in the import's tables).</summary>
/// <param name="FirstSubmittedBy">How the audit log names who sent it first; null for figures only ever imported.</param>
public sealed record SubmissionRecord(
    string Code,
    FinancialYear Year,
    string? AnnualReportUrl,
    string? GovernanceResponseUrl,
    DateTimeOffset? FirstSubmittedAt,
    string? FirstSubmittedBy,
    DateTimeOffset? LastSubmittedAt,
    string? LastSubmittedBy,
    SubmissionQuery? Query);

/// <summary>Reads the submissions' records; they are written by <see cref="SubmitComplaintHandling"/> and <see cref="QuerySubmission"/>.</summary>
public static class ComplaintSubmissions
{
    private sealed class Row
    {
        public string AuthorityCode { get; set; } = "";
        public long Year { get; set; }
        public string? AnnualReportUrl { get; set; }
        public string? GovernanceResponseUrl { get; set; }
        public string? FirstSubmittedAt { get; set; }
        public string? FirstSubmittedBy { get; set; }
        public string? LastSubmittedAt { get; set; }
        public string? LastSubmittedBy { get; set; }
        public string? QueryNote { get; set; }
        public string? QueriedAt { get; set; }
        public string? QueriedBy { get; set; }
        public string? QueryAnsweredAt { get; set; }

        public SubmissionRecord ToRecord() => new(AuthorityCode, new FinancialYear((int)Year), AnnualReportUrl, GovernanceResponseUrl,
            Time(FirstSubmittedAt), FirstSubmittedBy, Time(LastSubmittedAt), LastSubmittedBy,
            QueryNote is null ? null : new SubmissionQuery(QueryNote, StoredTime.Parse(QueriedAt!), QueriedBy ?? "", Time(QueryAnsweredAt)));
    }

    private const string Columns =
        "authority_code, year, annual_report_url, governance_response_url, first_submitted_at, first_submitted_by, last_submitted_at, last_submitted_by, " +
        "query_note, queried_at, queried_by, query_answered_at";

    /// <summary>The council's record of the year, or null when nothing was ever submitted or queried.</summary>
    public static SubmissionRecord? Find(DbConnection connection, string code, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<Row>($"SELECT {Columns} FROM complaint_submissions WHERE authority_code = @code AND year = @year",
            new { code, year = year.StartYear }, transaction).Select(r => r.ToRecord()).SingleOrDefault();

    /// <summary>Every council's record of the year, by code.</summary>
    public static IReadOnlyDictionary<string, SubmissionRecord> ForYear(DbConnection connection, FinancialYear year) =>
        connection.Query<Row>($"SELECT {Columns} FROM complaint_submissions WHERE year = @year", new { year = year.StartYear })
            .ToDictionary(r => r.AuthorityCode, r => r.ToRecord(), StringComparer.Ordinal);

    /// <summary>Writes the record as it now stands, in the caller's change.</summary>
    internal static void Write(Change change, SubmissionRecord r) =>
        change.Connection.Execute(
            $"""
             INSERT INTO complaint_submissions ({Columns})
             VALUES (@code, @year, @annualReportUrl, @governanceResponseUrl, @firstSubmittedAt, @firstSubmittedBy, @lastSubmittedAt, @lastSubmittedBy,
                     @queryNote, @queriedAt, @queriedBy, @queryAnsweredAt)
             ON CONFLICT (authority_code, year) DO UPDATE SET annual_report_url = excluded.annual_report_url,
                 governance_response_url = excluded.governance_response_url, first_submitted_at = excluded.first_submitted_at,
                 first_submitted_by = excluded.first_submitted_by, last_submitted_at = excluded.last_submitted_at,
                 last_submitted_by = excluded.last_submitted_by, query_note = excluded.query_note, queried_at = excluded.queried_at,
                 queried_by = excluded.queried_by, query_answered_at = excluded.query_answered_at
             """,
            new
            {
                code = r.Code, year = r.Year.StartYear, annualReportUrl = r.AnnualReportUrl, governanceResponseUrl = r.GovernanceResponseUrl,
                firstSubmittedAt = Stamp(r.FirstSubmittedAt), firstSubmittedBy = r.FirstSubmittedBy,
                lastSubmittedAt = Stamp(r.LastSubmittedAt), lastSubmittedBy = r.LastSubmittedBy,
                queryNote = r.Query?.Note, queriedAt = Stamp(r.Query?.At), queriedBy = r.Query?.By, queryAnsweredAt = Stamp(r.Query?.AnsweredAt),
            }, change.Transaction);

    private static string? Stamp(DateTimeOffset? at) => at is { } t ? StoredTime.Format(t) : null;

    private static DateTimeOffset? Time(string? text) => text is null ? null : StoredTime.Parse(text);
}
