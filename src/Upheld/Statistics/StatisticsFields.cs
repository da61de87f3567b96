namespace Upheld.Statistics;

/// <summary>One statistic's names in the data formats.</summary>
/// <param name="Key">Its key inside <c>average</c>, <c>interval</c> and <c>comparison</c>.</param>
/// <param name="RateName">The field holding the unrounded rate.</param>
/// <param name="TextName">The field holding the printed figure.</param>
/// <param name="Select">Picks the statistic out of a result.</param>
public sealed record StatisticField(string Key, string RateName, string TextName, Func<AuthorityStatistics, Statistic> Select);

/// <summary>The field names and order of <c>stats --format json</c>, shared with CSV so the two cannot drift apart.</summary>
public static class StatisticsFields
{
    public static readonly IReadOnlyList<(string Name, Func<AuthorityYearCounts, long?> Value)> Counts =
    [
        ("received", c => c.Received),
        ("decided", c => c.Decided),
        ("investigations", c => c.Investigations),
        ("upheld", c => c.Upheld),
        ("not_upheld", c => c.NotUpheld),
        ("satisfactory_remedies", c => c.SatisfactoryRemedies),
        ("compliance_outcomes", c => c.ComplianceOutcomes),
        ("complied", c => c.Complied),
        ("complied_late", c => c.CompliedLate),
        ("not_complied", c => c.NotComplied),
        ("population", c => c.Population),
    ];

    public static readonly IReadOnlyList<StatisticField> Statistics =
    [
        new("uphold", "uphold_rate", "uphold_pct", s => s.Uphold),
        new("compliance", "compliance_rate", "compliance_pct", s => s.Compliance),
        new("satisfactory_remedy", "satisfactory_remedy_rate", "satisfactory_remedy_pct", s => s.SatisfactoryRemedy),
        new("upheld_per_100k", "upheld_per_100k", "upheld_per_100k_text", s => s.UpheldPer100k),
    ];
}
