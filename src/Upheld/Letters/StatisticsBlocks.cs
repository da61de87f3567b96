using System.Globalization;
using Upheld.Statistics;

namespace Upheld.Letters;

/// <summary>The statistics pages: one block per statistic the edition prints, left out when its denominator is zero.</summary>
public static class StatisticsBlocks
{
    public static IReadOnlyList<StatisticBlock> For(Edition edition, AuthorityStatistics statistics, Func<string, string> fill)
    {
        var blocks = new List<StatisticBlock>();
        foreach (var text in edition.Statistics)
        {
            var statistic = Statistic(statistics, text.Statistic);
            if (statistic.Value.Text is not { } figure) continue;
            var average = statistic.Average.Text ?? "no figure";
            (string, string)? count = text.CountOf is { } of && text.CountNoun is { } noun
                ? (Number(Count(statistics.Counts, of)), noun.For(Count(statistics.Counts, of)))
                : null;
            var n = Count(statistics.Counts, text.BasisCount);
            blocks.Add(new StatisticBlock(
                text.Statistic, text.Heading, figure,
                fill(text.Rate.Replace("{figure}", figure, StringComparison.Ordinal)),
                fill(text.Average.Replace("{average}", average, StringComparison.Ordinal)),
                count,
                fill(text.Basis.Replace("{n}", Number(n), StringComparison.Ordinal).Replace("{noun}", text.BasisNoun.For(n), StringComparison.Ordinal)),
                text.Note is null ? null : fill(text.Note)));
        }
        return blocks;
    }

    private static Statistics.Statistic Statistic(AuthorityStatistics s, string name) => name switch
    {
        "uphold" => s.Uphold,
        "compliance" => s.Compliance,
        "satisfactory_remedy" => s.SatisfactoryRemedy,
        "upheld_per_100k" => s.UpheldPer100k,
        _ => throw new InvalidDataException($"unknown statistic '{name}' in the edition"),
    };

    private static long Count(AuthorityYearCounts c, string name) => name switch
    {
        "investigations" => c.Investigations,
        "upheld" => c.Upheld,
        "satisfactory_remedies" => c.SatisfactoryRemedies,
        "compliance_outcomes" => c.ComplianceOutcomes,
        "complied_late" => c.CompliedLate,
        _ => throw new InvalidDataException($"unknown count '{name}' in the edition"),
    };

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
