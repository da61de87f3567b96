using System.Numerics;

namespace Upheld.Statistics;

/// <summary>One figure both as computed (exact and as a double) and as printed; all null when there is no rate.</summary>
/// <param name="Exact">The unrounded value: a fraction (0–1) for proportions, residents per 100,000 for rates per head.</param>
/// <param name="Text">The printed form, "86%" or "4.8", rounded halves away from zero.</param>
public sealed record Figure(Rational? Exact, string? Text)
{
    /// <summary>The figure with no rate: a zero denominator or no population.</summary>
    public static readonly Figure None = new(null, null);

    /// <summary>The unrounded value as a double, as the data formats publish it.</summary>
    public double? Rate => Exact?.ToDouble();

    /// <summary>A proportion printed as a whole percentage; null text for a null fraction.</summary>
    public static Figure Percentage(Rational? fraction) =>
        fraction is { } value ? new Figure(value, DisplayRounding.Percent(value)) : None;

    /// <summary>numerator ÷ denominator as a percentage, or <see cref="None"/> when the denominator is zero.</summary>
    public static Figure Proportion(long numerator, long denominator) =>
        Percentage(Rational.Ratio(numerator, denominator));

    /// <summary>A rate already per 100,000 printed to one decimal place without a trailing ".0".</summary>
    public static Figure PerHundredThousand(Rational? rate) =>
        rate is { } value ? new Figure(value, DisplayRounding.OneDecimal(value)) : None;

    /// <summary>Events × 100,000 ÷ population, or <see cref="None"/> when the population is unknown or zero.</summary>
    public static Figure PerHundredThousand(long events, long? population) =>
        PerHundredThousand(population is > 0 ? new Rational((BigInteger)events * 100_000, population.Value) : null);
}
