namespace Upheld.Statistics;

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
