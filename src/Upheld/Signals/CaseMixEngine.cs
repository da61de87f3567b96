using System.Numerics;
using Upheld.Statistics;

namespace Upheld.Signals;

/// <summary>
/// Computes every council's case-mix ratio of a year by indirect standardisation (docs/statistics.md, "Case-mix ratio"):
/// the national uphold rate of each group, each council's expected upheld count at those rates, and its observed count against it.
/// </summary>
/// <remarks>Pure: the caller gathers the counts (<see cref="CaseMixQuery"/>). Everything but the interval's square root is exact.</remarks>
public static class CaseMixEngine
{
    /// <param name="councilsOfYear">Every council of England that existed in the year, of every type: the national rates are over all of them.</param>
    public static CaseMixYear Compute(IReadOnlyList<CaseMixCounts> councilsOfYear)
    {
        if (councilsOfYear.Count == 0) throw new ArgumentException("A year's case mix needs its councils.", nameof(councilsOfYear));
        var year = councilsOfYear[0].Year;
        foreach (var c in councilsOfYear) Validate(c, year);

        var national = CaseMixGroups.All.Select(group =>
        {
            var investigations = councilsOfYear.Sum(c => c.In(group).Investigations);
            var upheld = councilsOfYear.Sum(c => c.In(group).Upheld);
            return new NationalGroup(group, investigations, upheld, Rational.Ratio(upheld, investigations));
        }).ToList();

        var councils = councilsOfYear.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => ForCouncil(c, national)).ToList();
        return new CaseMixYear(year, national, councils);
    }

    /// <summary>One council's ratio at national rates already computed.</summary>
    public static CaseMixRatio ForCouncil(CaseMixCounts counts, IReadOnlyList<NationalGroup> national)
    {
        var lines = national.Select(g =>
        {
            var own = counts.In(g.Group);
            // A group with investigations here has some nationally too, since the nation includes this council.
            return new CaseMixLine(g.Group, own.Investigations, own.Upheld, g.Rate, g.Rate is { } p ? own.Investigations * p : Rational.Zero);
        }).ToList();
        var expected = lines.Aggregate(Rational.Zero, (sum, l) => sum + l.Expected);
        var variance = lines.Aggregate(Rational.Zero, (sum, l) => sum + (l.NationalRate is { } p ? l.Investigations * p * (Rational.One - p) : Rational.Zero));
        if (expected == Rational.Zero) return new CaseMixRatio(counts, lines, expected, variance, null, null, null);

        long observed = counts.Council.Upheld;
        var ratio = new Rational(observed, 1) / expected;
        return new CaseMixRatio(counts, lines, expected, variance, ratio, IntervalOf(observed, expected, variance), Compare(observed, expected, variance));
    }

    /// <summary>(O ± z·√V) ÷ E, the lower bound at least 0 (a ratio of counts is never negative).</summary>
    public static Interval IntervalOf(long observed, Rational expected, Rational variance, double confidence = Interval.DefaultConfidence)
    {
        var z = Interval.NormalQuantile(confidence);
        double e = expected.Nearest(), spread = z * Math.Sqrt(variance.Nearest());
        return new Interval(Math.Max(0, (observed - spread) / e), (observed + spread) / e);
    }

    /// <summary>
    /// Higher when (O − z·√V) ÷ E &gt; 1, lower when (O + z·√V) ÷ E &lt; 1, else similar (1 on a bound is similar); decided exactly,
    /// as O − E &gt; 0 and (O − E)² &gt; z²·V, with z the double the intervals use taken as the exact fraction it is.
    /// </summary>
    public static Comparison Compare(long observed, Rational expected, Rational variance, double confidence = Interval.DefaultConfidence)
    {
        var difference = new Rational(observed, 1) - expected;
        if (difference == Rational.Zero) return Comparison.Similar;
        var z = Exact(Interval.NormalQuantile(confidence));
        if (difference * difference <= z * z * variance) return Comparison.Similar;
        return difference > Rational.Zero ? Comparison.Higher : Comparison.Lower;
    }

    /// <summary>A finite double as the exact fraction it stores: mantissa × 2^exponent.</summary>
    internal static Rational Exact(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Only a finite number is a fraction.");
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger numerator = bits < 0 ? -mantissa : mantissa;
        return exponent >= 0 ? new Rational(numerator << exponent, 1) : new Rational(numerator, BigInteger.One << -exponent);
    }

    private static void Validate(CaseMixCounts c, FinancialYear year)
    {
        string? problem =
            c.Year != year ? $"is for {c.Year}, not {year}" :
            c.Groups.Keys.FirstOrDefault(g => !CaseMixGroups.All.Contains(g)) is { } unknown ? $"has investigations in '{unknown}', which is not a group" :
            c.Groups.Values.Any(g => g.Investigations < 0 || g.Upheld < 0 || g.Upheld > g.Investigations) ? "has a group with more upheld than investigations, or a negative count" :
            c.Groups.Values.Sum(g => g.Investigations) != c.Council.Investigations || c.Groups.Values.Sum(g => g.Upheld) != c.Council.Upheld
                ? "has groups that do not add up to its investigations and upheld decisions" :
            null;
        if (problem is not null) throw new ArgumentException($"{c.Code} {problem}.", nameof(c));
    }
}
