using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class StatisticsEngineTests
{
    private static AuthorityStatistics Find(IReadOnlyList<AuthorityStatistics> results, string code) =>
        results.Single(r => r.Code == code);

    [Fact]
    public void Reproduces_the_2019_20_letters()
    {
        var results = StatisticsEngine.Compute(
        [
            Counts.Of("E10000003", upheld: 12, notUpheld: 2, remedies: 1, name: "Cambridgeshire County Council"),
            Counts.Of("E10000034", upheld: 19, notUpheld: 3, remedies: 3, complied: 11, notComplied: 1,
                name: "Worcestershire County Council"),
        ]);

        var cambridgeshire = Find(results, "E10000003");
        Assert.Equal("86%", cambridgeshire.Uphold.Value.Text);
        Assert.Equal("8%", cambridgeshire.SatisfactoryRemedy.Value.Text);

        var worcestershire = Find(results, "E10000034");
        Assert.Equal("86%", worcestershire.Uphold.Value.Text);
        Assert.Equal("92%", worcestershire.Compliance.Value.Text);
        Assert.Equal("16%", worcestershire.SatisfactoryRemedy.Value.Text);

        // County averages pooled over both: 31/36, 11/12, 4/31.
        Assert.Equal(new Rational(31, 36), worcestershire.Uphold.Average.Exact);
        Assert.Equal("92%", cambridgeshire.Compliance.Average.Text);
        Assert.Equal("13%", cambridgeshire.SatisfactoryRemedy.Average.Text);
        Assert.Equal(AverageMethod.Pooled, cambridgeshire.AverageMethod);
    }

    [Fact]
    public void Zero_denominators_give_no_rate_text_interval_or_comparison_but_keep_the_average()
    {
        var results = StatisticsEngine.Compute(
        [
            Counts.Of("E07000095", name: "Cannock Chase District Council"),
            Counts.Of("E07000001", upheld: 3, notUpheld: 1, remedies: 1, complied: 2, population: 90_000),
        ]);
        var cannock = Find(results, "E07000095");
        foreach (var statistic in new[] { cannock.Uphold, cannock.Compliance, cannock.SatisfactoryRemedy, cannock.UpheldPer100k })
        {
            Assert.Null(statistic.Value.Rate);
            Assert.Null(statistic.Value.Text);
            Assert.Null(statistic.Interval);
            Assert.Null(statistic.Comparison);
        }
        Assert.Equal("75%", cannock.Uphold.Average.Text);
        Assert.Equal("100%", cannock.Compliance.Average.Text);
        Assert.Equal("3.3", cannock.UpheldPer100k.Average.Text);
    }

    [Fact]
    public void None_of_n_is_a_real_zero_percent_with_an_interval()
    {
        var lancaster = StatisticsEngine.Compute([Counts.Of("E07000121", upheld: 0, notUpheld: 2)]).Single();
        Assert.Equal(0.0, lancaster.Uphold.Value.Rate);
        Assert.Equal("0%", lancaster.Uphold.Value.Text);
        Assert.Equal(0.0, lancaster.Uphold.Interval!.Value.Low);
        Assert.Equal(0.6576, lancaster.Uphold.Interval!.Value.High, 1e-4);
        Assert.Equal(Comparison.Similar, lancaster.Uphold.Comparison);
        Assert.Null(lancaster.SatisfactoryRemedy.Value.Rate); // no upheld decisions: not 0%
    }

    [Fact]
    public void A_one_case_hundred_percent_is_similar_to_the_average()
    {
        var results = StatisticsEngine.Compute(
        [
            Counts.Of("E06000017", upheld: 1, remedies: 1, name: "Rutland County Council"),
            Counts.Of("E06000001", upheld: 55, notUpheld: 44),
        ]);
        var rutland = Find(results, "E06000017");
        Assert.Equal(AuthorityType.Unitary, rutland.Type);
        Assert.Equal("100%", rutland.Uphold.Value.Text);
        Assert.Equal("56%", rutland.Uphold.Average.Text); // 56/100, Rutland included
        Assert.Equal(0.2065, rutland.Uphold.Interval!.Value.Low, 1e-4);
        Assert.Equal(Comparison.Similar, rutland.Uphold.Comparison);
    }

    [Fact]
    public void Clear_cut_cases_are_higher_and_lower()
    {
        var results = StatisticsEngine.Compute(
        [
            Counts.Of("E07000001", upheld: 90, notUpheld: 10, remedies: 5, population: 100_000),
            Counts.Of("E07000002", upheld: 10, notUpheld: 90, remedies: 9, population: 100_000),
        ]);
        var high = Find(results, "E07000001");
        var low = Find(results, "E07000002");

        Assert.Equal("50%", high.Uphold.Average.Text);
        Assert.Equal(Comparison.Higher, high.Uphold.Comparison);
        Assert.Equal(Comparison.Lower, low.Uphold.Comparison);

        Assert.Equal("14%", high.SatisfactoryRemedy.Average.Text); // 14/100
        Assert.Equal(Comparison.Lower, high.SatisfactoryRemedy.Comparison); // 5/90: 2.4%–12.4%
        Assert.Equal(Comparison.Higher, low.SatisfactoryRemedy.Comparison); // 9/10: 59.6%–98.2%

        Assert.Equal("50", high.UpheldPer100k.Average.Text);
        Assert.Equal("90", high.UpheldPer100k.Value.Text);
        Assert.Equal(Comparison.Higher, high.UpheldPer100k.Comparison);
        Assert.Equal(Comparison.Lower, low.UpheldPer100k.Comparison);
        Assert.Equal(4.7874, low.UpheldPer100k.Interval!.Value.Low, 1e-4); // Byar, 10 events per 100,000
        Assert.Equal(18.3915, low.UpheldPer100k.Interval!.Value.High, 1e-4);

        Assert.Null(high.Compliance.Comparison);
    }

    [Fact]
    public void Per_100k_interval_is_the_exact_event_interval_over_the_population()
    {
        var result = StatisticsEngine.Compute([Counts.Of("E07000001", upheld: 5, notUpheld: 5, population: 200_000)]).Single();
        Assert.Equal("2.5", result.UpheldPer100k.Value.Text);
        Assert.Equal(0.81174, result.UpheldPer100k.Interval!.Value.Low, 1e-4);
        Assert.Equal(5.83417, result.UpheldPer100k.Interval!.Value.High, 1e-4);
    }

    [Fact]
    public void Mean_method_is_used_and_reported()
    {
        AuthorityYearCounts[] year = [Counts.Of("E07000001", upheld: 1), Counts.Of("E07000002", upheld: 1, notUpheld: 2), Counts.Of("E07000003")];
        var pooled = StatisticsEngine.Compute(year);
        var mean = StatisticsEngine.Compute(year, AverageMethod.Mean);
        Assert.All(pooled, r => Assert.Equal("50%", r.Uphold.Average.Text));
        Assert.All(mean, r => Assert.Equal("67%", r.Uphold.Average.Text));
        Assert.All(mean, r => Assert.Equal(AverageMethod.Mean, r.AverageMethod));
    }
}
