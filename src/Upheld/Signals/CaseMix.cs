using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Signals;

/// <summary>The groups a council's investigations are counted in for its case mix: the data formats' categories, then decisions without one.</summary>
public static class CaseMixGroups
{
    /// <summary>The group of investigations whose decision names no category, and of councils known only by published totals.</summary>
    public const string NotRecorded = "Not recorded";

    /// <summary>Every group in the order tables and files list them.</summary>
    public static readonly IReadOnlyList<string> All = [.. Cases.Outcomes.Categories, NotRecorded];
}

/// <summary>Detailed investigations and how many were upheld, in one group of one council's year (or the nation's).</summary>
public readonly record struct GroupCount(long Investigations, long Upheld);

/// <summary>Everything the case-mix ratio needs about one council in one year: its key-statistics counts and its investigations by group.</summary>
/// <param name="Council">The key statistics' counts: name, type, and the investigations and upheld decisions the groups add up to.</param>
/// <param name="Groups">Investigations and upheld decisions by group (<see cref="CaseMixGroups.All"/>); a group the council had none in may be missing.</param>
public sealed record CaseMixCounts(AuthorityYearCounts Council, IReadOnlyDictionary<string, GroupCount> Groups)
{
    public string Code => Council.Code;
    public string Name => Council.Name;
    public AuthorityType Type => Council.Type;
    public FinancialYear Year => Council.Year;

    /// <summary>The council's count in a group, zero when it had none there.</summary>
    public GroupCount In(string group) => Groups.TryGetValue(group, out var count) ? count : default;
}

/// <summary>One group of the nation's year: investigations, upheld, and the national uphold rate p_c (null with no investigations).</summary>
public sealed record NationalGroup(string Group, long Investigations, long Upheld, Rational? Rate);

/// <summary>One line of a council's expected count: its investigations in a group times the group's national rate.</summary>
/// <param name="Expected">n_c × p_c, exact; zero when the council had no investigations in the group.</param>
public sealed record CaseMixLine(string Group, long Investigations, long Upheld, Rational? NationalRate, Rational Expected);

/// <summary>
/// The ratio of a council's upheld complaints to those expected given its mix of services (docs/statistics.md, "Case-mix ratio").
/// </summary>
/// <param name="Lines">The council's expected count group by group, in <see cref="CaseMixGroups.All"/> order.</param>
/// <param name="Expected">E = Σ n_c·p_c, exact.</param>
/// <param name="Variance">V = Σ n_c·p_c·(1 − p_c), exact: the variance of the upheld count if each group were upheld at its national rate.</param>
/// <param name="Ratio">O ÷ E, exact; null when E is 0 (no investigations).</param>
/// <param name="Interval">(O ± z·√V) ÷ E with z the 95% normal quantile, the lower bound at least 0; null with no ratio.</param>
/// <param name="Comparison">Higher or lower when the interval lies wholly above or below 1, decided on the exact values; null with no ratio.</param>
public sealed record CaseMixRatio(
    CaseMixCounts Counts,
    IReadOnlyList<CaseMixLine> Lines,
    Rational Expected,
    Rational Variance,
    Rational? Ratio,
    Interval? Interval,
    Comparison? Comparison)
{
    public string Code => Counts.Code;
    public string Name => Counts.Name;
    public AuthorityType Type => Counts.Type;
    public FinancialYear Year => Counts.Year;
    public long Investigations => Counts.Council.Investigations;

    /// <summary>O: the council's upheld decisions, as in its key statistics.</summary>
    public long ObservedUpheld => Counts.Council.Upheld;

    /// <summary>The ratio as printed, "1.12"; null with no ratio.</summary>
    public string? RatioText => Ratio is { } ratio ? CaseMixText.Ratio(ratio) : null;

    /// <summary>The expected count as printed, to one decimal place: "16.4".</summary>
    public string ExpectedText => DisplayRounding.OneDecimal(Expected);
}

/// <summary>A year's case-mix ratios: the national rates by group, every council's ratio in code order, and the pooled ratio of each type.</summary>
public sealed record CaseMixYear(FinancialYear Year, IReadOnlyList<NationalGroup> National, IReadOnlyList<CaseMixRatio> Councils)
{
    /// <summary>The councils of a type taken together: their upheld decisions ÷ their expected ones; null when they expected none.</summary>
    /// <remarks>Every council of England taken together has a ratio of exactly 1, as the national rates come from the same decisions.</remarks>
    public Rational? TypeRatio(AuthorityType type) => Worked.Of(Councils).TypeRatios.GetOrAdd(type, t =>
    {
        var ofType = Councils.Where(c => c.Type == t).ToList();
        var expected = ofType.Aggregate(Rational.Zero, (sum, c) => sum + c.Expected);
        return expected == Rational.Zero ? null : new Rational(ofType.Sum(c => c.ObservedUpheld), 1) / expected;
    });

    public CaseMixRatio? Of(string code) => Worked.Of(Councils).ByCode.GetValueOrDefault(code);

    /// <summary>
    /// What is worked out from a year's councils and kept beside that list: every page of the year asks for it again (the pooled
    /// ratio is a sum of exact fractions over a hundred-odd councils). Kept by the list itself, so it is never part of the record's
    /// equality and a copy made with other councils works out its own.
    /// </summary>
    private sealed class Worked
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<CaseMixRatio>, Worked> Kept = new();

        public readonly System.Collections.Concurrent.ConcurrentDictionary<AuthorityType, Rational?> TypeRatios = new();
        public readonly Dictionary<string, CaseMixRatio> ByCode = new(StringComparer.Ordinal);

        public static Worked Of(IReadOnlyList<CaseMixRatio> councils) => Kept.GetValue(councils, list =>
        {
            var worked = new Worked();
            foreach (var council in list) worked.ByCode.TryAdd(council.Code, council);
            return worked;
        });
    }
}

/// <summary>How the ratio is printed: two decimal places, rounded on the exact value with halves away from zero.</summary>
public static class CaseMixText
{
    /// <summary>1.125 → "1.13", 1 → "1.00", 19/16.4 → "1.16".</summary>
    public static string Ratio(Rational value)
    {
        var hundredths = (value * 100).RoundHalfAwayFromZero();
        var whole = System.Numerics.BigInteger.DivRem(System.Numerics.BigInteger.Abs(hundredths), 100, out var rest);
        return (hundredths.Sign < 0 ? "-" : "") + whole.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."
            + rest.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An interval bound, two decimal places: it is a double from a square root, so it is not rounded as an exact figure.</summary>
    public static string Bound(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Exact fractions as the nearest double, for the unrounded figures the data formats write.</summary>
/// <remarks>
/// <see cref="Rational.ToDouble"/> goes through .NET's conversion of a big integer to a double, which cuts off rather than rounds,
/// so it can land one step below the nearest double (9/10 becomes 0.8999999999999999). The case-mix figures are new in the
/// formats, so they are written correctly rounded from the start; the older figures keep their conversion, as published
/// snapshots compare their records byte for byte.
/// </remarks>
public static class NearestDouble
{
    /// <summary>The double nearest to the fraction, halves to even, as dividing two doubles would give for small whole numbers.</summary>
    public static double Nearest(this Rational value)
    {
        if (value.Numerator.IsZero) return 0;
        var numerator = System.Numerics.BigInteger.Abs(value.Numerator);
        var denominator = value.Denominator;
        // Choose a power of two so that the quotient has exactly 53 bits, the precision of a double, then round on the remainder.
        var exponent = (int)(numerator.GetBitLength() - denominator.GetBitLength()) - 53;
        while (true)
        {
            var (top, bottom) = exponent < 0 ? (numerator << -exponent, denominator) : (numerator, denominator << exponent);
            var quotient = System.Numerics.BigInteger.DivRem(top, bottom, out var remainder);
            var bits = quotient.GetBitLength();
            if (bits > 53) { exponent++; continue; }
            if (bits < 53) { exponent--; continue; }
            var half = (remainder * 2).CompareTo(bottom);
            if (half > 0 || (half == 0 && !quotient.IsEven)) quotient += 1;
            var result = Math.ScaleB((double)quotient, exponent);
            return value.Numerator.Sign < 0 ? -result : result;
        }
    }
}
