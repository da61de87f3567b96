namespace Upheld.Import;

/// <summary>Dates written YYYY-MM-DD (docs/data-formats.md), read and written by hand for an import's millions of them.</summary>
/// <remarks>
/// An import reads two dates a row and writes them back: .NET's general parser and formatter, which read the format string
/// each time, took a tenth of the processor time of reading a file. These accept exactly what
/// <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None)</c> accepts and write
/// exactly what <c>date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)</c> writes (tests/…/IsoDateTests).
/// </remarks>
internal static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    public static string Format(DateOnly date) => string.Create(10, date, static (text, date) =>
    {
        Write(text[..4], date.Year);
        text[4] = '-';
        Write(text.Slice(5, 2), date.Month);
        text[7] = '-';
        Write(text.Slice(8, 2), date.Day);
    });

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    private static void Write(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
