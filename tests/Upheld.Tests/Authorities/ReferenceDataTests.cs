using Upheld.Authorities;
using Upheld.Statistics;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Authorities;

public class ReferenceDataTests
{
    [Fact]
    public void Every_council_of_2018_to_2025_is_shipped_with_its_type_from_the_code()
    {
        var councils = ReferenceData.Councils();

        Assert.Equal(365, councils.Count);
        Assert.All(councils, c => Assert.Equal(AuthorityTypes.FromCode(c.Code), c.Type));
        var rutland = councils.Single(c => c.Code == "E06000017");
        Assert.Equal((AuthorityType.Unitary, "Rutland County Council"), (rutland.Type, rutland.OfficialName));
    }

    [Fact]
    public void The_councils_of_2019_20_are_343_by_type_as_published()
    {
        var alive = ReferenceData.Councils().Where(c => c.ExistsIn(new FinancialYear(2019))).ToList();

        Assert.Equal(343, alive.Count);
        Assert.Equal(
            new Dictionary<AuthorityType, int>
            {
                [AuthorityType.County] = 26, [AuthorityType.District] = 192, [AuthorityType.MetropolitanBorough] = 36,
                [AuthorityType.Unitary] = 56, [AuthorityType.LondonBorough] = 33,
            },
            alive.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Theory]
    [InlineData(2018, 353)]
    [InlineData(2020, 339)]
    [InlineData(2021, 333)]
    [InlineData(2023, 317)]
    [InlineData(2024, 317)]
    public void Each_year_has_the_councils_that_existed_on_its_first_of_April(int year, int count) =>
        Assert.Equal(count, ReferenceData.Councils().Count(c => c.ExistsIn(new FinancialYear(year))));

    [Fact]
    public void A_council_abolished_on_31_March_is_gone_from_the_next_year_and_its_successor_has_begun()
    {
        var councils = ReferenceData.Councils().ToDictionary(c => c.Code);

        Assert.True(councils["E07000156"].ExistsIn(new FinancialYear(2020)));
        Assert.False(councils["E07000156"].ExistsIn(new FinancialYear(2021)));
        Assert.True(councils["E06000061"].ExistsIn(new FinancialYear(2021)));
        Assert.Equal(["E06000058", "E06000059"], councils["E10000009"].SuccessorCodes);
    }

    [Fact]
    public void The_mid_year_estimate_inside_a_financial_year_serves_it_and_2024_25_uses_the_latest()
    {
        using var store = TestDatabase.Sqlite();
        var counts2019 = CountsQuery.ForYear(store.Database, new FinancialYear(2019)).ToDictionary(c => c.Code);
        var counts2024 = CountsQuery.ForYear(store.Database, new FinancialYear(2024)).ToDictionary(c => c.Code);
        var counts2023 = CountsQuery.ForYear(store.Database, new FinancialYear(2023)).ToDictionary(c => c.Code);

        Assert.Equal(93663, counts2019["E06000001"].Population); // ONS mid-2019, Hartlepool
        Assert.Equal(counts2023["E06000001"].Population, counts2024["E06000001"].Population);
        Assert.All(counts2024.Values, c => Assert.NotNull(c.Population));
        Assert.Null(CountsQuery.ForYear(store.Database, new FinancialYear(2025)).First().Population);
    }
}
