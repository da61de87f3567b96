using Upheld.Statistics.Funnels;

namespace Upheld.Tests.Statistics.Funnels;

public class ControlLimitsTests
{
    [Fact]
    public void Binomial_95_limits_for_half_of_100_are_near_40_and_60_percent()
    {
        // Bin(100, 0.5): F(39) = 0.01760, F(40) = 0.02844, so r = 40 and α = (0.02844 − 0.025) / 0.01084 = 0.317;
        // F(59) = 0.97156, F(60) = 0.98240, so r = 60 and α = 0.683. Limits (40 − 0.317)/100 and (60 − 0.683 + 1)/100:
        // symmetric about p₀, as the distribution is.
        Assert.Equal(0.3968, ControlLimits.Binomial(0.5, 100, 0.025), 1e-3);
        Assert.Equal(0.6032, ControlLimits.Binomial(0.5, 100, 0.975), 1e-3);
        Assert.Equal(0.40, ControlLimits.Binomial(0.5, 100, 0.025), 0.01);
        Assert.Equal(0.60, ControlLimits.Binomial(0.5, 100, 0.975), 0.01);
    }

    [Fact]
    public void Exact_limits_follow_the_skew_of_a_small_proportion_where_the_normal_ones_are_symmetric()
    {
        // Bin(20, 0.1) is skewed to the right: F(6) = 0.99761, F(7) = 0.99958, so the 99.8% upper limit is
        // (7 − 0.294 + 1)/20 = 0.385, above the normal 0.1 + 3.09 × 0.067 = 0.307.
        var exact = ControlLimits.Binomial(0.1, 20, 0.999);
        var normal = ControlLimits.Normal(0.1, 20, 0.999);
        Assert.Equal(0.3853, exact, 1e-3);
        Assert.Equal(0.3073, normal, 1e-3);
        Assert.True(exact > normal);
    }

    [Fact]
    public void One_case_of_one_is_never_outside_the_limits_whatever_the_average()
    {
        // Upheld 1 of 1 has a tail probability of p₀ itself: at p₀ = 0.65 that is far from unusual.
        Assert.Equal(1.0, ControlLimits.Binomial(0.65, 1, 0.999));
        Assert.Equal(1.0, ControlLimits.Binomial(0.65, 1, 0.975));
        Assert.Equal(0.0, ControlLimits.Binomial(0.65, 1, 0.025));
    }

    [Fact]
    public void A_council_is_outside_exactly_when_its_exact_tail_probability_is_below_the_limits()
    {
        // Bin(3, 0.65): P(0 of 3) = 0.043, not below 2.5%, so 0% lies on or inside the 95% lower limit;
        // P(3 of 3) = 0.275, so 100% is inside the upper one.
        Assert.True(0.0 >= ControlLimits.Binomial(0.65, 3, 0.025));
        Assert.True(1.0 <= ControlLimits.Binomial(0.65, 3, 0.975));
        // Bin(10, 0.1): P(at least 4 of 10) = 0.0128 < 2.5%, P(at least 3) = 0.070: 40% is outside, 30% not.
        Assert.InRange(ControlLimits.Binomial(0.1, 10, 0.975), 0.3, 0.4);
    }

    [Fact]
    public void Lower_limits_stop_at_zero_rather_than_going_negative()
    {
        Assert.Equal(0.0, ControlLimits.Binomial(0.1, 10, 0.025));
        Assert.Equal(0.0, ControlLimits.Poisson(0.00001, 10_000, 0.001));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_target_of_0_or_1_falls_back_to_the_normal_limits_which_have_no_width(double p0)
    {
        Assert.Equal(p0, ControlLimits.Binomial(p0, 12, 0.001));
        Assert.Equal(p0, ControlLimits.Binomial(p0, 12, 0.999));
    }

    [Fact]
    public void Poisson_limits_interpolate_between_whole_events()
    {
        // Poisson(5): F(9) = 0.96817, F(10) = 0.98630, so r = 10 and α = 0.623: 10 − 0.623 + 1 = 10.377 events;
        // F(0) = 0.00674, F(1) = 0.04043, so r = 1 and α = 0.458: 0.542 events. Among 100,000 residents.
        Assert.Equal(10.377, ControlLimits.Poisson(0.00005, 100_000, 0.975) * 100_000, 1e-2);
        Assert.Equal(0.542, ControlLimits.Poisson(0.00005, 100_000, 0.025) * 100_000, 1e-2);
    }

    [Fact]
    public void Limits_narrow_as_the_denominator_grows()
    {
        var widths = new long[] { 10, 40, 160, 640 }
            .Select(n => ControlLimits.Binomial(0.3, n, 0.975) - ControlLimits.Binomial(0.3, n, 0.025)).ToList();
        Assert.Equal(widths.OrderDescending(), widths);
    }

    [Fact]
    public void A_high_target_has_finite_limits_at_every_small_denominator()
    {
        // Bin(5, 0.99): P(5 of 5) = 0.99^5 = 0.95099, P(4) = 5 × 0.99^4 × 0.01 = 0.04803, so F(3) = 0.00098, F(4) = 0.04901, F(5) = 1.
        // Lower 95%: r = 4, α = (0.04901 − 0.025) / (0.04901 − 0.00098) = 0.4999, limit (4 − 0.4999)/5 = 0.7000.
        // Upper 95%: r = 5 (the last count, whose F is exactly 1), α = 0.025 / 0.95099 = 0.0263, (5 − 0.0263 + 1)/5 > 1, so 1.
        Assert.Equal(0.7000, ControlLimits.Binomial(0.99, 5, 0.025), 1e-3);
        Assert.Equal(1.0, ControlLimits.Binomial(0.99, 5, 0.975));
        foreach (var p0 in new[] { 0.65, 0.83, 0.9, 0.99, 0.999 })
            for (var n = 1L; n <= 400; n++)
                foreach (var p in new[] { 0.001, 0.025, 0.975, 0.999 })
                {
                    var limit = ControlLimits.Binomial(p0, n, p);
                    Assert.True(double.IsFinite(limit), $"p0 {p0}, n {n}, p {p}: {limit}");
                    Assert.True(p < 0.5 ? limit <= p0 : limit >= p0, $"p0 {p0}, n {n}, p {p}: {limit} on the wrong side of the average");
                }
    }
}
