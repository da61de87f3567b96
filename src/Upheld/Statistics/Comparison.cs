namespace Upheld.Statistics;

/// <summary>How an authority's rate stands against the average for similar authorities.</summary>
public enum Comparison
{
    Lower,
    Similar,
    Higher,
}

/// <summary>The rule for <see cref="Comparison"/> and its names in the data formats.</summary>
public static class Comparisons
{
    /// <summary>
    /// Higher or lower only when the authority's own interval lies wholly above or below the average;
    /// null when either the interval (no rate) or the average is missing.
    /// </summary>
    /// <remarks>An average exactly on a bound is inside the interval: similar.</remarks>
    public static Comparison? Compare(Interval? own, double? average)
    {
        if (own is not { } interval || average is not { } value) return null;
        if (interval.Low > value) return Comparison.Higher;
        if (interval.High < value) return Comparison.Lower;
        return Comparison.Similar;
    }

    /// <summary>"higher", "similar" or "lower", as written in JSON and CSV.</summary>
    public static string ToWireName(this Comparison comparison) => comparison switch
    {
        Comparison.Lower => "lower",
        Comparison.Similar => "similar",
        Comparison.Higher => "higher",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };
}
