using Upheld.Authorities;
using Upheld.Signals;
using Upheld.Statistics;

namespace Upheld.Tests.Signals;

/// <summary>Hand-worked case-mix ratios (docs/statistics.md, "Case-mix ratio").</summary>
public class CaseMixEngineTests
{
    private static readonly FinancialYear Year = new(2024);
    private const string Education = "Education and Children's Services";
    private const string Planning = "Planning and Development";

    private static CaseMixCounts Council(string code, params (string Group, long Investigations, long Upheld)[] groups)
    {
        var investigations = (int)groups.Sum(g => g.Investigations);
        var upheld = (int)groups.Sum(g => g.Upheld);
        return new CaseMixCounts(
            new AuthorityYearCounts(code, "Council " + code, AuthorityTypes.FromCode(code)!.Value, Year, 0, investigations, upheld, investigations - upheld, 0, 0, 0, 0, null),
            groups.ToDictionary(g => g.Group, g => new GroupCount(g.Investigations, g.Upheld)));
    }

    // Three councils, two categories.
    //   X: education 88 upheld of 100, planning  2 of  20: raw 90 of 120 = 75%
    //   Y: education 46 of 50,         planning 22 of  50: raw 68 of 100 = 68%
    //   Z: education 19 of 20,         planning 61 of 100: raw 80 of 120 = 66.7%
    // National rates: education 153 ÷ 170 = 0.9; planning 85 ÷ 170 = 0.5 (every council of the year, 238 of 340 upheld).
    // Expected  E = Σ n·p:        X 100×0.9 + 20×0.5 = 100;  Y 50×0.9 + 50×0.5 = 70;  Z 20×0.9 + 100×0.5 = 68  (sum 238 = O's sum)
    // Variance  V = Σ n·p·(1−p):  X 100×0.09 + 20×0.25 = 14; Y 4.5 + 12.5 = 17;         Z 1.8 + 25 = 26.8
    // With z = 1.959964:
    //   X: ratio 90/100 = 0.90;  z√14 = 7.3335;   (90 ∓ 7.3335)/100 = 0.8267 to 0.9733: wholly below 1, lower
    //   Y: ratio 68/70 = 0.971;  z√17 = 8.0811;   (68 ∓ 8.0811)/70  = 0.8560 to 1.0869: contains 1, similar
    //   Z: ratio 80/68 = 1.176;  z√26.8 = 10.1465; (80 ∓ 10.1465)/68 = 1.0273 to 1.3257: wholly above 1, higher
    // Z's raw rate (66.7%) looks better than X's (75%), yet Z upheld more than its mix of services explains and X fewer.
    private static readonly CaseMixCounts[] Three =
    [
        Council("E07000002", (Education, 20, 19), (Planning, 100, 61)),
        Council("E10000001", (Education, 100, 88), (Planning, 20, 2)),
        Council("E07000001", (Education, 50, 46), (Planning, 50, 22)),
    ];

    [Fact]
    public void Three_councils_two_categories_one_lower_one_similar_one_higher()
    {
        var year = CaseMixEngine.Compute(Three);

        Assert.Equal(["E07000001", "E07000002", "E10000001"], year.Councils.Select(c => c.Code)); // code order
        var national = year.National.ToDictionary(g => g.Group);
        Assert.Equal((170L, 153L, new Rational(9, 10)), (national[Education].Investigations, national[Education].Upheld, national[Education].Rate!.Value));
        Assert.Equal(new Rational(1, 2), national[Planning].Rate);
        Assert.Null(national["Housing"].Rate); // no investigations anywhere: no rate
        Assert.Null(national[CaseMixGroups.NotRecorded].Rate);

        var x = year.Of("E10000001")!;
        var y = year.Of("E07000001")!;
        var z = year.Of("E07000002")!;
        Assert.Equal((new Rational(100, 1), new Rational(14, 1), new Rational(9, 10)), (x.Expected, x.Variance, x.Ratio!.Value));
        Assert.Equal((new Rational(70, 1), new Rational(17, 1), new Rational(68, 70)), (y.Expected, y.Variance, y.Ratio!.Value));
        Assert.Equal((new Rational(68, 1), new Rational(268, 10), new Rational(80, 68)), (z.Expected, z.Variance, z.Ratio!.Value));
        Assert.Equal(("0.90", "0.97", "1.18"), (x.RatioText, y.RatioText, z.RatioText));
        Assert.Equal(("100", "70", "68"), (x.ExpectedText, y.ExpectedText, z.ExpectedText));

        AssertInterval(0.82666, 0.97334, x.Interval);
        AssertInterval(0.85598, 1.08687, y.Interval);
        AssertInterval(1.02726, 1.32568, z.Interval);
        Assert.Equal((Comparison.Lower, Comparison.Similar, Comparison.Higher), (x.Comparison, y.Comparison, z.Comparison));

        // The raw rate ranks them the other way round.
        Assert.True(Rate(z) < Rate(x) && z.Ratio > x.Ratio);
    }

    [Fact]
    public void Each_line_of_the_working_is_investigations_times_the_national_rate()
    {
        var x = CaseMixEngine.Compute(Three).Of("E10000001")!;

        var education = x.Lines.Single(l => l.Group == Education);
        var planning = x.Lines.Single(l => l.Group == Planning);
        Assert.Equal((100L, 88L, new Rational(90, 1)), (education.Investigations, education.Upheld, education.Expected)); // 100 × 0.9
        Assert.Equal((20L, 2L, new Rational(10, 1)), (planning.Investigations, planning.Upheld, planning.Expected));       // 20 × 0.5
        Assert.Equal(CaseMixGroups.All, x.Lines.Select(l => l.Group));
        Assert.All(x.Lines.Where(l => l.Group != Education && l.Group != Planning), l => Assert.Equal(Rational.Zero, l.Expected));
    }

    [Fact]
    public void Every_council_together_upholds_exactly_what_is_expected_and_each_type_has_its_pooled_ratio()
    {
        var year = CaseMixEngine.Compute(Three);

        Assert.Equal(new Rational(238, 1), year.Councils.Aggregate(Rational.Zero, (sum, c) => sum + c.Expected));
        // Districts Y and Z: (68 + 80) ÷ (70 + 68) = 148/138; the one county X: 90/100.
        Assert.Equal(new Rational(148, 138), year.TypeRatio(AuthorityType.District));
        Assert.Equal(new Rational(9, 10), year.TypeRatio(AuthorityType.County));
        Assert.Null(year.TypeRatio(AuthorityType.LondonBorough));
    }

    [Fact]
    public void No_investigations_means_nothing_expected_and_no_ratio()
    {
        var year = CaseMixEngine.Compute([.. Three, Council("E06000017")]);
        var rutland = year.Of("E06000017")!;

        Assert.Equal((0L, 0L, Rational.Zero), (rutland.Investigations, rutland.ObservedUpheld, rutland.Expected));
        Assert.Equal((null, null, null, null), (rutland.Ratio, rutland.Interval, rutland.Comparison, rutland.RatioText));
    }

    [Fact]
    public void Exactly_as_many_upheld_as_expected_is_a_ratio_of_1_and_similar()
    {
        // Two councils with 1 of 2 planning investigations upheld each: p = 0.5, E = 1 = O for both.
        var year = CaseMixEngine.Compute([Council("E07000001", (Planning, 2, 1)), Council("E07000002", (Planning, 2, 1))]);

        Assert.All(year.Councils, c => Assert.Equal((Rational.One, "1.00", Comparison.Similar), (c.Ratio!.Value, c.RatioText, c.Comparison)));
    }

    [Fact]
    public void The_interval_never_goes_below_0()
    {
        // Planning 0 of 1 here, 1 of 1 elsewhere: p = 0.5, E = 0.5, V = 0.25; (0 − 1.96 × 0.5) ÷ 0.5 = −1.96 is shown as 0.
        // The upper bound (0 + 0.98) ÷ 0.5 = 1.96 contains 1: similar, although nothing was upheld.
        var none = CaseMixEngine.Compute([Council("E07000001", (Planning, 1, 0)), Council("E07000002", (Planning, 1, 1))]).Of("E07000001")!;

        Assert.Equal(0.0, none.Interval!.Value.Low);
        Assert.Equal(1.95996, none.Interval!.Value.High, 5);
        Assert.Equal((Rational.Zero, "0.00", Comparison.Similar), (none.Ratio!.Value, none.RatioText, none.Comparison));
    }

    [Fact]
    public void The_ratio_prints_two_decimals_rounded_on_the_exact_value_halves_away_from_zero()
    {
        Assert.Equal("1.13", CaseMixText.Ratio(new Rational(9, 8)));       // 1.125 exactly
        Assert.Equal("0.01", CaseMixText.Ratio(new Rational(1, 200)));     // 0.005 exactly
        Assert.Equal("1.00", CaseMixText.Ratio(new Rational(1999, 2000))); // 0.9995
        Assert.Equal("2.50", CaseMixText.Ratio(new Rational(5, 2)));
    }

    [Fact]
    public void The_comparison_is_decided_on_exact_values_where_the_bound_meets_1()
    {
        // Higher exactly when (O − E)² > z²·V with O > E. For E = 100, V = 14: O − 100 > 7.33351, so 107 is similar and 108 higher.
        Assert.Equal(Comparison.Similar, CaseMixEngine.Compare(107, 100, 14));
        Assert.Equal(Comparison.Higher, CaseMixEngine.Compare(108, 100, 14));
        Assert.Equal(Comparison.Similar, CaseMixEngine.Compare(93, 100, 14));
        Assert.Equal(Comparison.Lower, CaseMixEngine.Compare(92, 100, 14));
        // With no variance (every group upheld always, or never) O equals E, and the ratio is 1 with no spread.
        Assert.Equal(Comparison.Similar, CaseMixEngine.Compare(5, 5, 0));
        // z enters as the exact fraction its double stores: 0.1 is not 1/10 as a double, 1.25 is exactly 5/4.
        Assert.NotEqual(new Rational(1, 10), CaseMixEngine.Exact(0.1));
        Assert.Equal(0.1, CaseMixEngine.Exact(0.1).ToDouble());
        Assert.Equal(new Rational(5, 4), CaseMixEngine.Exact(1.25));
        Assert.Equal(new Rational(-3, 1024), CaseMixEngine.Exact(-3.0 / 1024));
    }

    [Fact]
    public void Groups_that_do_not_add_up_to_the_key_statistics_are_refused()
    {
        var council = Three[0] with { Groups = new Dictionary<string, GroupCount> { [Education] = new(20, 19) } };

        var refused = Assert.Throws<ArgumentException>(() => CaseMixEngine.Compute([council]));
        Assert.Contains("E07000002 has groups that do not add up", refused.Message);
        Assert.Throws<ArgumentException>(() => CaseMixEngine.Compute([Council("E07000001", ("Parking", 1, 1))]));
    }

    private static double Rate(CaseMixRatio r) => (double)r.ObservedUpheld / r.Investigations;

    private static void AssertInterval(double low, double high, Interval? interval)
    {
        Assert.NotNull(interval);
        Assert.Equal(low, interval.Value.Low, 5);
        Assert.Equal(high, interval.Value.High, 5);
    }
}
