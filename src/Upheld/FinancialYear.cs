using System.Diagnostics.CodeAnalysis;

namespace Upheld;

/// <summary>A financial year, 1 April to 31 March, written <c>2019-20</c>.</summary>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    /// <summary>The first year Upheld accepts (docs/statistics.md, "Periods"): well before the reference data's 2018-19, for older cases.</summary>
    public static readonly FinancialYear Earliest = new(2000);

    /// <summary>The last year Upheld accepts: a generation past the reference data, so 9999-00 or a mistyped 2091-92 is refused.</summary>
    public static readonly FinancialYear Latest = new(2049);

    /// <summary>The accepted years as written in messages: "from 2000-01 to 2049-50".</summary>
    public static string RangeText => $"from {Earliest} to {Latest}";

    /// <summary>Whether the date falls in an accepted year, 1 April 2000 to 31 March 2050.</summary>
    public static bool Accepts(DateOnly date) => date >= Earliest.FirstDay && date <= Latest.LastDay;

    public DateOnly FirstDay => new(StartYear, 4, 1);
    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    /// <summary>The year that contains <paramref name="date"/>.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public static bool TryParse(string? text, [NotNullWhen(true)] out FinancialYear? year)
    {
        year = null;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var start)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, null, out var end)) return false;
        if (start < Earliest.StartYear || start > Latest.StartYear || (start + 1) % 100 != end) return false;
        year = new FinancialYear(start);
        return true;
    }

    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year) ? year.Value : throw new FormatException($"'{text}' is not a financial year such as 2019-20, {RangeText}");

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;
    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";
}
