using System.Globalization;

namespace Upheld.Import;

/// <summary>Sums of money in whole pence, read from and written as pounds ("4200", "150.50").</summary>
public static class Money
{
    public static bool TryParsePounds(string text, out long pence)
    {
        pence = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)) return false;
        var scaled = pounds * 100;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue / 2) return false;
        pence = (long)scaled;
        return true;
    }

    public static string Pounds(long pence) =>
        pence % 100 == 0
            ? (pence / 100).ToString(CultureInfo.InvariantCulture)
            : (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
