using MathNet.Numerics.Distributions;

namespace Upheld.Statistics;

/// <summary>A confidence interval, in the unit of the rate it surrounds.</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The confidence the engine uses for every interval it publishes and compares with.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>Both bounds multiplied by a positive factor, e.g. from events to events per 100,000 residents.</summary>
    public Interval Scale(double factor) => new(Low * factor, High * factor);

    /// <summary>The two-sided standard normal quantile for a confidence: 1.96 for 95%, 3.09 for 99.8%.</summary>
    public static double NormalQuantile(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        return Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
    }
}
