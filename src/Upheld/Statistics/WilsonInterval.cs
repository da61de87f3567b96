namespace Upheld.Statistics;

/// <summary>The Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3).</summary>
/// <remarks>
/// Chosen over the normal approximation because it stays inside 0–1 and behaves at 0 of n and
/// n of n, where many of the ombudsman's small councils sit: 1 of 1 gives 20.7%–100%, not 100%–100%.
/// </remarks>
public static class WilsonInterval
{
    /// <summary>The interval for <paramref name="successes"/> of <paramref name="trials"/>; null when there are no trials.</summary>
    public static Interval? For(long successes, long trials, double confidence = Interval.DefaultConfidence)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} of {trials} is not a proportion.");
        if (trials == 0) return null;

        var z = Interval.NormalQuantile(confidence);
        double n = trials, p = successes / n, zz = z * z;
        var denominator = 1 + zz / n;
        var centre = (p + zz / (2 * n)) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(p * (1 - p) / n + zz / (4 * n * n));

        // At 0 of n and n of n the formula's bound is exactly 0 or 1; floating point would leave a crumb.
        var low = successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var high = successes == trials ? 1 : Math.Min(1, centre + halfWidth);
        return new Interval(low, high);
    }
}
