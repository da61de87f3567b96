using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Authorities;
using Upheld.Quality;
using Upheld.Statistics;

namespace Upheld.ComplaintHandling;

/// <summary>Where a council's submission of a year stands.</summary>
public enum SubmissionStatus
{
    NotReceived,

    /// <summary>Figures or a self-assessment are stored, received by the deadline (or with no deadline set, or no day known).</summary>
    Received,

    /// <summary>The self-assessment was received after the year's deadline.</summary>
    Late,
}

/// <summary>One council's submission as staff review it: its figures beside the ombudsman's, its state, and what looks implausible.</summary>
/// <param name="OmbudsmanUphold">The ombudsman's uphold rate of the council in the year, beside the council's own.</param>
/// <param name="Checks">Sentences naming what deserves a second look (<see cref="SubmissionChecks"/>).</param>
public sealed record CouncilSubmission(ComplaintHandlingFigures Figures, SubmissionStatus Status, SubmissionRecord? Record, Figure OmbudsmanUphold,
    IReadOnlyList<string> Checks)
{
    public string Code => Figures.Code;
    public string Name => Figures.Name;
    public bool Queried => Record?.Query is { Open: true };
    public DateOnly? ReceivedOn => Figures.Counts.SelfAssessment?.SubmittedOn;
}

/// <summary>Where one council's submission of a year stands, for its link officer: the state, the day received, the record and the deadline.</summary>
public sealed record SubmissionState(FinancialYear Year, SubmissionStatus Status, DateOnly? ReceivedOn, SubmissionRecord? Record, SubmissionDeadline? Deadline)
{
    public SubmissionQuery? OpenQuery => Record?.Query is { Open: true } query ? query : null;

    /// <summary>The council's submission of the year as it stands.</summary>
    public static SubmissionState For(DbConnection connection, string code, FinancialYear year)
    {
        var p = new { code, year = year.StartYear };
        var returns = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM complaint_returns WHERE authority_code = @code AND year = @year", p);
        var received = connection.ExecuteScalar<string?>("SELECT MAX(submitted_on) FROM code_self_assessments WHERE authority_code = @code AND year = @year", p)
            is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        var deadline = SubmissionDeadlines.For(connection, year);
        var status = returns == 0 && received is null ? SubmissionStatus.NotReceived
            : received is { } day && deadline?.IsLate(day) == true ? SubmissionStatus.Late : SubmissionStatus.Received;
        return new SubmissionState(year, status, received, ComplaintSubmissions.Find(connection, code, year), deadline);
    }
}

/// <summary>A year's submissions, one per council of the year in code order, and how many are in each state.</summary>
public sealed record SubmissionReview(FinancialYear Year, SubmissionDeadline? Deadline, IReadOnlyList<CouncilSubmission> Councils)
{
    public int Count(SubmissionStatus status) => Councils.Count(c => c.Status == status);
    public int Queried => Councils.Count(c => c.Queried);

    /// <summary>Reads the year's figures, the year before's returns and the submissions' records, and checks each council.</summary>
    public static SubmissionReview For(DbConnection connection, FinancialYear year)
    {
        var figures = ComplaintHandlingEngine.Compute(ComplaintHandlingQuery.ForYear(connection, year));
        var before = ComplaintHandlingQuery.ForYear(connection, new FinancialYear(year.StartYear - 1)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var records = ComplaintSubmissions.ForYear(connection, year);
        return new SubmissionReview(year, SubmissionDeadlines.For(connection, year), figures.Select(f => new CouncilSubmission(f,
            !f.HasReturn && f.Counts.SelfAssessment is null ? SubmissionStatus.NotReceived
            : f.Counts.SelfAssessment is { Late: true } ? SubmissionStatus.Late : SubmissionStatus.Received,
            records.GetValueOrDefault(f.Code),
            Figure.Proportion(f.Counts.Ombudsman.Upheld, f.Counts.Ombudsman.Investigations),
            SubmissionChecks.For(f.Counts, before.GetValueOrDefault(f.Code)))).ToList());
    }
}

/// <summary>The checks that catch implausible returns before a year is published (docs/staff-guide.md, "Reviewing submissions").</summary>
/// <remarks>
/// Stage 1 responses fewer than half the complaints and enquiries the ombudsman received about the council: nearly every
/// complaint reaches the ombudsman after the council's own procedure, so a council answering so few at stage 1 has probably
/// left some out. More stage 2 responses than stage 1: stage 2 is the escalation of a stage 1 complaint. A return missing a
/// stage, or a self-assessment without figures or figures without one. And a year-on-year swing like the data-quality
/// report's (<see cref="DataQuality"/>): complaints received at a stage changed by more than half from at least 10, or the
/// share answered in time moved by at least 20 percentage points with at least 10 responses in both years. A share in time
/// above 100% never reaches this page: the import refuses responded_in_time above responded.
/// </remarks>
public static class SubmissionChecks
{
    public static IReadOnlyList<string> For(ComplaintHandlingCounts now, ComplaintHandlingCounts? before)
    {
        var checks = new List<string>();
        var (s1, s2) = (now.Stage1, now.Stage2);
        if (s1 is null && s2 is null && now.SelfAssessment is null) return checks;
        if (s1 is null && s2 is null) checks.Add("A self-assessment without figures: no stage 1 or stage 2 return");
        else
        {
            if (s1 is null) checks.Add("No stage 1 return");
            if (s2 is null) checks.Add("No stage 2 return");
            if (now.SelfAssessment is null) checks.Add("Figures without a self-assessment");
        }
        var ombudsman = now.Ombudsman.Received;
        if (s1 is not null && 2L * s1.Responded < ombudsman)
            checks.Add($"Stage 1 responses ({s1.Responded:N0}) are fewer than half the complaints and enquiries the ombudsman received about the council ({ombudsman:N0})");
        if (s1 is not null && s2 is not null && s2.Responded > s1.Responded)
            checks.Add($"More stage 2 responses ({s2.Responded:N0}) than stage 1 ({s1.Responded:N0})");
        foreach (var (stage, current, previous) in new[] { (1, s1, before?.Stage1), (2, s2, before?.Stage2) })
        {
            if (current is null || previous is null) continue;
            if (previous.Received >= DataQuality.ReceivedSwingMinimum && Math.Abs(current.Received - previous.Received) > DataQuality.ReceivedSwingShare * previous.Received)
                checks.Add($"Stage {stage} complaints received {previous.Received:N0} in {before!.Year}, {current.Received:N0} in {now.Year}: " +
                    $"{(current.Received > previous.Received ? "up" : "down")} {Whole(100.0 * Math.Abs(current.Received - previous.Received) / previous.Received)}%");
            if (previous.Responded >= DataQuality.UpholdSwingMinimum && current.Responded >= DataQuality.UpholdSwingMinimum)
            {
                var (from, to) = (100.0 * previous.InTime / previous.Responded, 100.0 * current.InTime / current.Responded);
                if (Math.Abs(to - from) >= DataQuality.UpholdSwingPoints)
                    checks.Add($"Stage {stage} answered in time {Tenth(from)}% ({previous.InTime:N0} of {previous.Responded:N0}) in {before!.Year}, " +
                        $"{Tenth(to)}% ({current.InTime:N0} of {current.Responded:N0}) in {now.Year}: {(to > from ? "up" : "down")} {Tenth(Math.Abs(to - from))} points");
            }
        }
        return checks;
    }

    private static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Tenth(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
