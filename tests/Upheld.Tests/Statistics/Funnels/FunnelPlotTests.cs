using Upheld.Authorities;
using Upheld.Tests.Statistics;
using Upheld.Statistics;
using Upheld.Statistics.Funnels;

namespace Upheld.Tests.Statistics.Funnels;

public class FunnelPlotTests
{
    // p₀ = 250/500 = 0.5; at n = 100 the 95% limits are 0.397–0.593 and the 99.8% limits about 0.345–0.65.
    private static readonly FunnelUnit[] Councils =
    [
        new("A", "Middling", 50, 100),
        new("B", "Somewhat high", 62, 100),
        new("C", "Somewhat low", 38, 100),
        new("D", "Very high", 85, 100),
        new("E", "Very low", 15, 100),
        new("F", "Nothing decided", 0, 0),
    ];

    [Fact]
    public void Councils_are_placed_against_the_95_and_99_8_percent_limits_and_empty_ones_left_out()
    {
        var funnel = FunnelPlot.Compute(Councils, FunnelModel.Binomial);

        Assert.Equal(0.5, funnel.P0);
        Assert.Equal(["A", "B", "C", "D", "E"], funnel.Points.Select(p => p.Code));
        Assert.Equal(
            [FunnelPosition.Within, FunnelPosition.Above95, FunnelPosition.Below95, FunnelPosition.Above998, FunnelPosition.Below998],
            funnel.Points.Select(p => p.Position));
        Assert.Null(funnel.Dispersion);
    }

    [Fact]
    public void Multiplicative_adjustment_widens_the_limits_by_the_square_root_of_phi()
    {
        var plain = FunnelPlot.Compute(Councils, FunnelModel.Binomial);
        var adjusted = FunnelPlot.Compute(Councils, FunnelModel.Binomial, Overdispersion.Multiplicative);

        var phi = adjusted.Dispersion!.Phi;
        Assert.True(adjusted.IsWidened);
        Assert.Equal(0.5 + Math.Sqrt(phi) * (plain.Limits(100).High95 - 0.5), adjusted.Limits(100).High95, 1e-9);
        Assert.Equal(FunnelPosition.Within, adjusted.Points.Single(p => p.Code == "B").Position);
    }

    [Fact]
    public void Additive_adjustment_keeps_a_between_council_spread_however_large_the_denominator()
    {
        FunnelUnit[] spread = [new("A", "A", 50, 100), new("B", "B", 60, 100), new("C", "C", 40, 100), new("D", "D", 66, 100), new("E", "E", 34, 100)];
        var adjusted = FunnelPlot.Compute(spread, FunnelModel.Binomial, Overdispersion.Additive);

        var tau = Math.Sqrt(adjusted.Dispersion!.Tau2);
        Assert.True(tau > 0);
        Assert.Equal(0.5 + 1.959964 * tau, adjusted.Limits(100_000_000).High95, 1e-4);
    }

    [Fact]
    public void Per_100k_funnels_use_population_and_exclude_councils_without_one()
    {
        AuthorityYearCounts[] year =
        [
            Counts.Of("E07000001", upheld: 5, population: 100_000),
            Counts.Of("E07000002", upheld: 15, population: 100_000),
            Counts.Of("E07000003", upheld: 3),
            Counts.Of("E10000001", upheld: 40, population: 100_000),
        ];

        var funnel = FunnelStatistic.UpheldPer100k.Funnel(AuthorityType.District, year);

        Assert.Equal(10.0, funnel.P0!.Value, 1e-9);
        Assert.Equal(["E07000001", "E07000002"], funnel.Points.Select(p => p.Code));
        Assert.Equal(15.0, funnel.Points[1].Rate, 1e-9);
        Assert.Equal(FunnelModel.Poisson, funnel.Model);
    }

    [Fact]
    public void A_type_with_nothing_to_count_has_no_points_and_no_target()
    {
        var funnel = FunnelStatistic.Uphold.Funnel(AuthorityType.County, [Counts.Of("E10000001")]);

        Assert.Empty(funnel.Points);
        Assert.Null(funnel.P0);
    }
}
