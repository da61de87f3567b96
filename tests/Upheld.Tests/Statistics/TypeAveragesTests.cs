using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class TypeAveragesTests
{
    // Three districts: uphold 1/1, 1/3, 0/0; compliance 3/4, 0/0, 1/2; remedies 1/1, 0/1, none.
    // The county must not enter any district average.
    private static readonly AuthorityYearCounts[] Year =
    [
        Counts.Of("E07000001", upheld: 1, remedies: 1, complied: 3, notComplied: 1),
        Counts.Of("E07000002", upheld: 1, notUpheld: 2, complied: 0),
        Counts.Of("E07000003", complied: 1, notComplied: 1),
        Counts.Of("E10000001", upheld: 0, notUpheld: 5, complied: 0, notComplied: 9),
    ];

    [Fact]
    public void Pooled_divides_summed_numerators_by_summed_denominators()
    {
        var averages = TypeAverages.Compute(AuthorityType.District, Year, AverageMethod.Pooled);
        Assert.Equal(AverageMethod.Pooled, averages.Method);
        Assert.Equal(new Rational(2, 4), averages.Uphold.Exact);
        Assert.Equal("50%", averages.Uphold.Text);
        Assert.Equal(new Rational(4, 6), averages.Compliance.Exact);
        Assert.Equal("67%", averages.Compliance.Text);
        Assert.Equal(new Rational(1, 2), averages.SatisfactoryRemedy.Exact);
    }

    [Fact]
    public void Mean_of_rates_leaves_out_zero_denominators_and_differs_from_pooled()
    {
        var averages = TypeAverages.Compute(AuthorityType.District, Year, AverageMethod.Mean);
        Assert.Equal(AverageMethod.Mean, averages.Method);
        Assert.Equal(new Rational(2, 3), averages.Uphold.Exact); // (1 + 1/3) / 2
        Assert.Equal("67%", averages.Uphold.Text);
        Assert.Equal(2.0 / 3, averages.Uphold.Rate!.Value, 12);
        Assert.Equal(new Rational(5, 8), averages.Compliance.Exact); // (3/4 + 1/2) / 2 = 62.5%
        Assert.Equal("63%", averages.Compliance.Text);
    }

    [Theory]
    [InlineData(AverageMethod.Pooled, 5, 2, "2.5")] // 10 upheld per 400,000 residents
    [InlineData(AverageMethod.Mean, 2, 1, "2")] // (1 + 3) / 2
    public void Per_100k_counts_only_authorities_with_a_population(AverageMethod method, int numerator, int denominator, string text)
    {
        AuthorityYearCounts[] year =
        [
            Counts.Of("E07000001", upheld: 1, population: 100_000),
            Counts.Of("E07000002", upheld: 9, population: 300_000),
            Counts.Of("E07000003", upheld: 7, population: null),
            Counts.Of("E07000004", upheld: 2, population: 0),
        ];
        var average = TypeAverages.Compute(AuthorityType.District, year, method).UpheldPer100k;
        Assert.Equal(new Rational(numerator, denominator), average.Exact);
        Assert.Equal(text, average.Text);
    }

    [Theory]
    [InlineData(AverageMethod.Pooled)]
    [InlineData(AverageMethod.Mean)]
    public void A_type_without_rates_has_null_averages(AverageMethod method)
    {
        var london = TypeAverages.Compute(AuthorityType.LondonBorough, Year, method);
        Assert.All([london.Uphold, london.Compliance, london.SatisfactoryRemedy, london.UpheldPer100k],
            f => Assert.Equal(Figure.None, f));

        var districts = TypeAverages.Compute(AuthorityType.District, Year, method);
        Assert.Equal(Figure.None, districts.UpheldPer100k); // no district has a population
    }
}
