using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class StatisticsEngineInputTests
{
    [Fact]
    public void Results_are_ordered_by_code_ordinally_whatever_the_input_order()
    {
        var results = StatisticsEngine.Compute(
            [Counts.Of("E10000034"), Counts.Of("E08000010"), Counts.Of("E06000017"), Counts.Of("E09000001"), Counts.Of("E07000095")]);
        Assert.Equal(["E06000017", "E07000095", "E08000010", "E09000001", "E10000034"], results.Select(r => r.Code));
    }

    [Fact]
    public void An_empty_year_gives_no_results() => Assert.Empty(StatisticsEngine.Compute([]));

    [Fact]
    public void Refuses_mixed_years_duplicate_codes_and_impossible_counts()
    {
        Assert.Throws<ArgumentException>(() => StatisticsEngine.Compute([Counts.Of("E07000001"), Counts.Of("E07000002", year: "2020-21")]));
        Assert.Throws<ArgumentException>(() => StatisticsEngine.Compute([Counts.Of("E07000001"), Counts.Of("E07000001")]));
        Assert.Throws<ArgumentException>(() => StatisticsEngine.Compute([Counts.Of("E07000001", upheld: 1, remedies: 2)]));
        Assert.Throws<ArgumentException>(() => StatisticsEngine.Compute([Counts.Of("E07000001", complied: 1, late: 2)]));
        Assert.Throws<ArgumentException>(() => StatisticsEngine.Compute([Counts.Of("E07000001", upheld: -1)]));
    }

    [Fact]
    public void Handles_a_full_year_of_authorities()
    {
        string[] prefixes = ["E06", "E07", "E08", "E09", "E10"];
        var year = Enumerable.Range(0, 400).Select(i => Counts.Of(
            $"{prefixes[i % 5]}{i:000000}", upheld: i % 37, notUpheld: i % 11, remedies: i % 37 / 3,
            complied: i % 13, notComplied: i % 2, population: i % 9 == 0 ? null : 50_000 + 1_237L * i)).ToList();
        var results = StatisticsEngine.Compute(year, AverageMethod.Mean);
        Assert.Equal(400, results.Count);
        Assert.Equal(year.Select(a => a.Code).Order(StringComparer.Ordinal), results.Select(r => r.Code));
        Assert.All(results, r => Assert.NotNull(r.UpheldPer100k.Average.Text));
    }
}
