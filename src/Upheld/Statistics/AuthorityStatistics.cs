using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>Everything the engine says about one authority in one year: its counts and its four statistics.</summary>
/// <param name="Counts">The engine's input for this authority, unchanged.</param>
/// <param name="AverageMethod">How the averages in the four statistics were formed.</param>
/// <param name="Uphold">Upheld decisions ÷ detailed investigations.</param>
/// <param name="Compliance">Compliance outcomes complied with, on time or late ÷ compliance outcomes.</param>
/// <param name="SatisfactoryRemedy">Upheld decisions remedied by the authority ÷ upheld decisions.</param>
/// <param name="UpheldPer100k">Upheld decisions per 100,000 residents, with a Poisson interval.</param>
public sealed record AuthorityStatistics(
    AuthorityYearCounts Counts,
    AverageMethod AverageMethod,
    Statistic Uphold,
    Statistic Compliance,
    Statistic SatisfactoryRemedy,
    Statistic UpheldPer100k)
{
    public string Code => Counts.Code;
    public string Name => Counts.Name;
    public AuthorityType Type => Counts.Type;
    public FinancialYear Year => Counts.Year;
}

/// <summary>One statistic for one authority: its figure, its 95% interval, the average for similar authorities and the comparison.</summary>
/// <param name="Value">The authority's own figure, as published.</param>
/// <param name="Interval">95% interval in the unit of <see cref="Figure.Exact"/>; null when there is no rate.</param>
/// <param name="Average">The average for authorities of the same type in the same year, the authority included.</param>
/// <param name="Comparison">Higher or lower only when <paramref name="Interval"/> excludes the average.</param>
public sealed record Statistic(Figure Value, Interval? Interval, Figure Average, Comparison? Comparison)
{
    /// <summary>Puts a figure beside its interval and average and compares them.</summary>
    public static Statistic Of(Figure value, Interval? interval, Figure average) =>
        new(value, interval, average, value.Exact is null ? null : Comparisons.Compare(interval, average.Rate));
}
