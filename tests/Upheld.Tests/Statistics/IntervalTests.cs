using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class IntervalTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    // STATISTICS.md worked values
    [InlineData(1, 1, 0.2065, 1.0)]
    [InlineData(0, 1, 0.0, 0.7935)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    // Newcombe (1998), Table I, method 3 (score interval without continuity correction)
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(29, 29, 0.8830, 1.0)]
    public void Wilson_95_matches_published_values(int successes, int trials, double low, double high)
    {
        var interval = WilsonInterval.For(successes, trials)!.Value;
        Assert.Equal(low, interval.Low, Tolerance);
        Assert.Equal(high, interval.High, Tolerance);
    }

    [Fact]
    public void Wilson_bounds_are_exactly_0_and_1_at_the_extremes()
    {
        Assert.Equal(0.0, WilsonInterval.For(0, 20)!.Value.Low);
        Assert.Equal(1.0, WilsonInterval.For(29, 29)!.Value.High);
        Assert.Equal(1.0, WilsonInterval.For(1, 1)!.Value.High);
    }

    [Fact]
    public void Wilson_at_99_8_percent_is_wider()
    {
        // z = 3.0902; hand-worked: centre 0.5, half-width 0.34946.
        var interval = WilsonInterval.For(5, 10, 0.998)!.Value;
        Assert.Equal(0.1505, interval.Low, Tolerance);
        Assert.Equal(0.8495, interval.High, Tolerance);
        Assert.Equal(3.0902, Interval.NormalQuantile(0.998), Tolerance);
    }

    [Fact]
    public void Wilson_without_trials_is_null() => Assert.Null(WilsonInterval.For(0, 0));

    [Fact]
    public void Wilson_refuses_more_successes_than_trials() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.For(3, 2));

    [Theory]
    [InlineData(0, 0.0, 3.6889)]
    [InlineData(1, 0.0253, 5.5716)]
    [InlineData(5, 1.6235, 11.6683)]
    [InlineData(9, 4.1154, 17.0848)]
    public void Poisson_below_10_events_is_exact(int events, double low, double high)
    {
        var interval = PoissonInterval.ForEvents(events);
        Assert.Equal(low, interval.Low, Tolerance);
        Assert.Equal(high, interval.High, Tolerance);
        Assert.Equal(interval, PoissonInterval.Exact(events));
    }

    [Theory]
    // Byar's lower bound at 10 is 4.7874; the exact one would be 4.7954, so this fails if the switch is late.
    [InlineData(10, 4.7874, 18.3915)]
    [InlineData(20, 12.2114, 30.8899)]
    [InlineData(100, 81.3621, 121.6279)]
    public void Poisson_from_10_events_uses_Byar(int events, double low, double high)
    {
        var interval = PoissonInterval.ForEvents(events);
        Assert.Equal(low, interval.Low, Tolerance);
        Assert.Equal(high, interval.High, Tolerance);
        Assert.Equal(interval, PoissonInterval.Byar(events));
    }

    [Fact]
    public void Poisson_exact_at_99_8_percent()
    {
        var interval = PoissonInterval.ForEvents(5, 0.998);
        Assert.Equal(0.7394, interval.Low, Tolerance);
        Assert.Equal(16.4547, interval.High, Tolerance);
    }

    [Fact]
    public void Poisson_per_100k_divides_event_bounds_by_population()
    {
        var interval = PoissonInterval.PerHundredThousand(5, 200_000)!.Value;
        Assert.Equal(0.81174, interval.Low, Tolerance);
        Assert.Equal(5.83417, interval.High, Tolerance);
        Assert.Null(PoissonInterval.PerHundredThousand(5, null));
        Assert.Null(PoissonInterval.PerHundredThousand(5, 0));
    }

    [Theory]
    [InlineData(0.5, "similar")] // on the upper bound: not excluded
    [InlineData(0.2, "similar")] // on the lower bound
    [InlineData(0.35, "similar")]
    [InlineData(0.5001, "lower")] // authority's interval lies wholly below the average
    [InlineData(0.1999, "higher")]
    public void Comparison_says_higher_or_lower_only_when_the_interval_excludes_the_average(double average, string expected) =>
        Assert.Equal(expected, Comparisons.Compare(new Interval(0.2, 0.5), average)!.Value.ToWireName());

    [Fact]
    public void Comparison_without_an_interval_or_an_average_is_null()
    {
        Assert.Null(Comparisons.Compare(null, 0.5));
        Assert.Null(Comparisons.Compare(new Interval(0.2, 0.5), null));
    }
}
