using System.Globalization;
using System.Numerics;

namespace Upheld.Statistics;

/// <summary>The printed forms of rates, rounded exactly as the ombudsman rounds them: halves away from zero.</summary>
/// <remarks>Rounding is for display only; averages and comparisons use the exact values.</remarks>
public static class DisplayRounding
{
    /// <summary>A fraction as a whole percentage: 3/24 → "13%", 1/12 → "8%".</summary>
    public static string Percent(Rational fraction) =>
        (fraction * 100).RoundHalfAwayFromZero().ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>A rate already per 100,000 to one decimal place with a trailing ".0" dropped: "4.8", "11".</summary>
    public static string OneDecimal(Rational value)
    {
        var tenths = (value * 10).RoundHalfAwayFromZero();
        var whole = BigInteger.DivRem(BigInteger.Abs(tenths), 10, out var tenth);
        var sign = tenths.Sign < 0 ? "-" : "";
        var text = sign + whole.ToString(CultureInfo.InvariantCulture);
        return tenth.IsZero ? text : text + "." + tenth.ToString(CultureInfo.InvariantCulture);
    }
}
