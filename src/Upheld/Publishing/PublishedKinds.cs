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

    /// <summary>Every kind, in the order the snapshot takes them.</summary>
    public static readonly IReadOnlyList<string> All = [Statistics, ComplaintHandling, SelfAssessment];

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
        };
    }
}
