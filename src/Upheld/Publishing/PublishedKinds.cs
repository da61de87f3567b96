using System.Data.Common;
using Upheld.ComplaintHandling;
using Upheld.Statistics;

namespace Upheld.Publishing;

/// <summary>The kinds of per-council record a year's publication freezes (docs/staff-guide.md, "Published figures are frozen").</summary>
public static class PublishedKinds
{
    /// <summary>The key statistics, each council's record exactly as <c>stats --format json</c> writes it.</summary>
    public const string Statistics = "statistics";

    /// <summary>The council's own complaint figures, its element of <c>complaint-handling --format json</c>.</summary>
    public const string ComplaintHandling = "complaint-handling";

    /// <summary>The council's Complaint Handling Code self-assessment, section by section.</summary>
    public const string SelfAssessment = "self-assessment";

    /// <summary>
    /// The council's case-mix ratio: its counts and comparison with 1, and under <c>at_national_rates</c> the expected count, ratio and
    /// interval, which other councils' data move and so are not what makes a revision (docs/statistics.md, "Case-mix ratio").
    /// </summary>
    public const string CaseMix = "case-mix";

    /// <summary>
    /// The council's service-area signals: whether it was tested and its signals with their counts and words; each signal's expected
    /// count, p-value and q-value, which every council's data move, are not what makes a revision (docs/statistics.md, "Service-area signals").
    /// </summary>
    public const string Signals = "signals";

    /// <summary>Every kind, in the order the snapshot takes them.</summary>
    public static readonly IReadOnlyList<string> All = [Statistics, ComplaintHandling, SelfAssessment, CaseMix, Signals];

    /// <summary>Every kind's record of every council of the year as the data stands, by kind and then by council code.</summary>
    /// <remarks>The counts are read once and shared: complaint handling sets a council's own figures beside the ombudsman's.</remarks>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Current(DbConnection connection, FinancialYear year, DbTransaction? transaction)
    {
        var counts = CountsQuery.ForYear(connection, year, transaction);
        var complaintHandling = ComplaintHandlingEngine.Compute(ComplaintHandlingQuery.ForYear(connection, year, counts, transaction));
        return new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            [Statistics] = StatisticsEngine.Compute(counts).ToDictionary(s => s.Code, StatisticsJson.Record, StringComparer.Ordinal),
            [ComplaintHandling] = complaintHandling.ToDictionary(f => f.Code, ComplaintHandlingJson.Record, StringComparer.Ordinal),
            [SelfAssessment] = complaintHandling.ToDictionary(f => f.Code, ComplaintHandlingJson.SelfAssessmentRecord, StringComparer.Ordinal),
            [CaseMix] = Upheld.Signals.CaseMixEngine.Compute(Upheld.Signals.CaseMixQuery.ForYear(connection, year, counts, transaction)).Councils
                .ToDictionary(r => r.Code, Upheld.Signals.SignalsJson.Record, StringComparer.Ordinal),
            [Signals] = Upheld.Signals.SignalsRecord.Records(Upheld.Signals.SignalsQuery.Compute(connection, year, transaction),
                counts.Select(c => (c.Code, c.Name))),
        };
    }
}
