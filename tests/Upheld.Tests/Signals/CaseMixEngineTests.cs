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

    [Fact]
    public void The_funnel_around_1_places_each_council_exactly_as_its_interval_does()
    {
        // Precision E²/V: X 100²/14 = 714.29, Y 70²/17 = 288.24, Z 68²/26.8 = 172.54. At X's precision the 95% limits are
        // 1 ∓ 1.959964/√714.29 = 0.92667 to 1.07333: X's interval (0.90 ∓ 0.07333) turned round, so X at 0.90 is below them.
        // At 99.8% (z = 3.090232): X's 10 fewer than expected are within 3.090232 × √14 = 11.56; Z's 12 more within 16.00.
        var funnel = CaseMixFunnel.Compute(CaseMixEngine.Compute(Three).Councils);

        var points = funnel.Points.ToDictionary(p => p.Code);
        Assert.Equal(714.2857, points["E10000001"].Precision, 4);
        Assert.Equal(172.5373, points["E07000002"].Precision, 4);
        Assert.Equal(
            (Upheld.Statistics.Funnels.FunnelPosition.Below95, Upheld.Statistics.Funnels.FunnelPosition.Within, Upheld.Statistics.Funnels.FunnelPosition.Above95),
            (points["E10000001"].Position, points["E07000001"].Position, points["E07000002"].Position));
        var limits = funnel.Limits(points["E10000001"].Precision);
        Assert.Equal(0.92666, limits.Low95, 5); // 1 − 0.0733351
        Assert.Equal(1.07334, limits.High95, 5);
        Assert.Equal(1 - 3.090232 / Math.Sqrt(714.2857), limits.Low998, 5);
    }

    [Fact]
    public void Over_dispersion_widens_the_funnel_around_1_from_the_councils_z_scores()
    {
        // z = (O − E)/√V: X −10/√14 = −2.6726, Y −2/√17 = −0.4851, Z 12/√26.8 = 2.3180; three councils, none winsorised:
        // φ = (7.1429 + 0.2353 + 5.3731) ÷ 3 = 4.2504. Multiplicative limits lie √φ = 2.0617 times as far from 1:
        // at X's precision 1 ∓ 0.0733351 × 2.061650 = 0.848808 to 1.151192, so X (0.90) is within them.
        var funnel = CaseMixFunnel.Compute(CaseMixEngine.Compute(Three).Councils, Upheld.Statistics.Funnels.Overdispersion.Multiplicative);

        Assert.Equal(4.2504, funnel.Dispersion!.Phi, 4);
        Assert.True(funnel.IsWidened);
        Assert.Equal(0.848808, funnel.Limits(100.0 * 100 / 14).Low95, 6);
        Assert.All(funnel.Points, p => Assert.Equal(Upheld.Statistics.Funnels.FunnelPosition.Within, p.Position));
    }

    [Fact]
    public void A_council_with_nothing_expected_or_no_spread_is_not_plotted()
    {
        // Housing upheld 1 of 1 everywhere: p = 1, V = 0 and O = E; Rutland has no investigations at all.
        var year = CaseMixEngine.Compute([.. Three, Council("E06000017"), Council("E06000001", ("Housing", 1, 1))]);

        Assert.Equal(["E07000001", "E07000002", "E10000001"], CaseMixFunnel.Compute(year.Councils).Points.Select(p => p.Code).Order());
        Assert.Equal((Rational.One, Comparison.Similar), (year.Of("E06000001")!.Ratio!.Value, year.Of("E06000001")!.Comparison));
    }

    [Fact]
    public void Unrounded_figures_are_written_as_the_nearest_double()
    {
        // 9/10 is 0.9 as a division of doubles gives it, not the 0.8999999999999999 a cut-off conversion gives.
        Assert.Equal(0.9, new Rational(9, 10).Nearest());
        Assert.Equal(148.0 / 138, new Rational(148, 138).Nearest());
        Assert.Equal(-2.0 / 3, new Rational(-2, 3).Nearest());
        for (var d = 1; d < 120; d++)
            for (var n = 0; n <= 2 * d; n++) Assert.Equal((double)n / d, new Rational(n, d).Nearest());
    }

    private static double Rate(CaseMixRatio r) => (double)r.ObservedUpheld / r.Investigations;

    private static void AssertInterval(double low, double high, Interval? interval)
    {
        Assert.NotNull(interval);
        Assert.Equal(low, interval.Value.Low, 5);
        Assert.Equal(high, interval.Value.High, 5);
    }
}
