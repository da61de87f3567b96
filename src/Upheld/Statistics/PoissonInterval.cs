using MathNet.Numerics.Distributions;

namespace Upheld.Statistics;

/// <summary>Confidence intervals for a count of events treated as Poisson: exact below 10 events, Byar's approximation from 10.</summary>
public static class PoissonInterval
{
    /// <summary>From this many events on, Byar's approximation replaces the exact chi-squared interval.</summary>
    public const long ByarFrom = 10;

    /// <summary>The interval for the expected number of events, given <paramref name="events"/> observed.</summary>
    public static Interval ForEvents(long events, double confidence = Interval.DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        return events < ByarFrom ? Exact(events, confidence) : Byar(events, confidence);
    }

    /// <summary>The interval for events per 100,000 residents; null when the population is unknown or zero.</summary>
    public static Interval? PerHundredThousand(long events, long? population, double confidence = Interval.DefaultConfidence) =>
        population is > 0 ? ForEvents(events, confidence).Scale(100_000d / population.Value) : null;

    /// <summary>Garwood's exact interval: lower χ²(α/2, 2k)/2, upper χ²(1−α/2, 2k+2)/2.</summary>
    public static Interval Exact(long events, double confidence = Interval.DefaultConfidence)
    {
        _ = Interval.NormalQuantile(confidence); // validates the confidence
        var alpha = 1 - confidence;
        var low = events == 0 ? 0 : ChiSquared.InvCDF(2 * events, alpha / 2) / 2;
        var high = ChiSquared.InvCDF(2 * events + 2, 1 - alpha / 2) / 2;
        return new Interval(low, high);
    }

    /// <summary>Byar's approximation (Rothman and Boice 1979), close to exact once there are 10 or more events.</summary>
    public static Interval Byar(long events, double confidence = Interval.DefaultConfidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        var z = Interval.NormalQuantile(confidence);
        double k = events, k1 = events + 1;
        var low = k * Math.Pow(1 - 1 / (9 * k) - z / (3 * Math.Sqrt(k)), 3);
        var high = k1 * Math.Pow(1 - 1 / (9 * k1) + z / (3 * Math.Sqrt(k1)), 3);
        return new Interval(Math.Max(0, low), high);
    }
}
