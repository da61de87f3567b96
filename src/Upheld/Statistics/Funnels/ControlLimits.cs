using MathNet.Numerics.Distributions;

namespace Upheld.Statistics.Funnels;

/// <summary>Exact control limits around a target rate p₀ for a denominator n (Spiegelhalter 2005, appendix A.1.1).</summary>
/// <remarks>
/// Counts are whole numbers, so an exact quantile jumps between them; Spiegelhalter's interpolation spreads each
/// count's probability over the interval below it, giving smooth limits. The normal approximation is only the
/// fallback for p₀ of 0 or 1, where the binomial has no spread and the exact quantile says nothing useful.
/// Lower limits are Spiegelhalter's (r_p − α)/n, which spreads each count over the unit below it; upper limits
/// spread it over the unit above, (r_p − α + 1)/n. Read literally for both tails, the formula puts every upper limit
/// under the count it came from, so 1 case of 1 would lie above the 99.8% limit whatever p₀. With the two spreads a
/// council is outside a limit exactly when the exact one-sided tail probability of its count is below the limit's.
/// </remarks>
public static class ControlLimits
{
    /// <summary>The binomial limit for a proportion at cumulative probability <paramref name="p"/> (0.025, 0.975, 0.001, 0.999), within 0–1.</summary>
    public static double Binomial(double p0, long n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (p0 <= 0 || p0 >= 1) return Normal(p0, n, p);
        // F(n) is 1 by definition; MathNet computes it through a regularised beta function with a = 0, which is not a number.
        var limit = Interpolated(r => r >= n ? 1 : MathNet.Numerics.Distributions.Binomial.CDF(p0, (int)n, r), n, p) / n;
        return Math.Clamp(limit, 0, 1);
    }

    /// <summary>The Poisson limit for events per head among <paramref name="n"/> residents at rate <paramref name="p0"/> per head.</summary>
    public static double Poisson(double p0, double n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (p0 <= 0) return 0;
        var mean = p0 * n;
        var top = (long)Math.Ceiling(mean + 40 * Math.Sqrt(mean) + 40);
        var limit = Interpolated(r => MathNet.Numerics.Distributions.Poisson.CDF(mean, r), top, p) / n;
        return Math.Max(0, limit);
    }

    /// <summary>The fallback p₀ + z·√(p₀(1−p₀)/n), with z the normal quantile at <paramref name="p"/>, within 0–1.</summary>
    public static double Normal(double p0, double n, double p) =>
        Math.Clamp(p0 + MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p) * Math.Sqrt(p0 * (1 - p0) / n), 0, 1);

    // r_p is the smallest count whose cumulative probability reaches p; α says how far into the step below it p falls.
    private static double Interpolated(Func<double, double> cdf, long top, double p)
    {
        long low = 0, high = top;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (cdf(middle) >= p) high = middle; else low = middle + 1;
        }
        var at = cdf(low);
        var below = low == 0 ? 0 : cdf(low - 1);
        var alpha = (at - p) / (at - below);
        return p > 0.5 ? low - alpha + 1 : low - alpha; // an upper limit when p > 0.5: see the remarks
    }
}
