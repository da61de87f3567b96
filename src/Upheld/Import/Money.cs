using System.Globalization;

namespace Upheld.Import;

/// <summary>Sums of money in whole pence, read from and written as pounds ("4200", "150.50").</summary>
public static class Money
{
    /// <summary>The largest amount accepted (docs/data-formats.md, "Import folder"): far above any remedy, far below where pence overflow.</summary>
    public const long LargestPounds = 10_000_000;

    public static bool TryParsePounds(string text, out long pence)
    {
        pence = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) || pounds > LargestPounds) return false;
        // Checked before scaling: decimal.MaxValue * 100 throws rather than failing to parse.
        var scaled = pounds * 100;
        if (scaled != decimal.Truncate(scaled)) return false;
        pence = (long)scaled;
        return true;
    }

    /// <summary>Whether the text is an amount in pounds, just more than <see cref="LargestPounds"/>.</summary>
    public static bool IsPastLargest(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds) && pounds > LargestPounds;

    public static string Pounds(long pence) =>
        pence % 100 == 0
            ? (pence / 100).ToString(CultureInfo.InvariantCulture)
            : (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
