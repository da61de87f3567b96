using Upheld.Authorities;
using Upheld.Maps;

namespace Upheld.Tests.Maps;

public class HexLayoutsTests
{
    private static readonly IReadOnlyList<Authority> Councils = ReferenceData.Councils();

    [Theory]
    [InlineData(2018, 326, 152)]
    [InlineData(2019, 317, 151)]
    [InlineData(2020, 314, 151)]
    [InlineData(2021, 309, 152)]
    [InlineData(2022, 309, 152)]
    [InlineData(2023, 296, 153)]
    [InlineData(2024, 296, 153)]
    public void Each_years_maps_hold_a_cell_for_every_council_of_their_tier_and_no_other(int year, int lower, int upper)
    {
        var financialYear = new FinancialYear(year);
        foreach (var (tier, count) in new[] { (MapTier.Lower, lower), (MapTier.Upper, upper) })
        {
            var layout = HexLayouts.For(financialYear, tier, Councils);

            var expected = Councils.Where(c => c.ExistsIn(financialYear) && HexLayouts.InTier(c.Type, tier)).Select(c => c.Code).Order(StringComparer.Ordinal);
            Assert.Equal(expected, layout.Cells.Select(c => c.Code));
            Assert.Equal(count, layout.Cells.Count);
            Assert.Equal(count, layout.Cells.Select(c => (c.Q, c.R)).Distinct().Count());
        }
    }

    [Fact]
    public void Counties_are_on_the_upper_tier_map_and_districts_on_the_lower()
    {
        var year = new FinancialYear(2019);

        Assert.Contains(HexLayouts.For(year, MapTier.Upper, Councils).Cells, c => c.Code == "E10000003");
        Assert.DoesNotContain(HexLayouts.For(year, MapTier.Lower, Councils).Cells, c => c.Code == "E10000003");
        Assert.Contains(HexLayouts.For(year, MapTier.Lower, Councils).Cells, c => c.Code == "E07000156");
        Assert.Contains(HexLayouts.For(year, MapTier.Lower, Councils).Cells, c => c.Code == "E06000017");
        Assert.Contains(HexLayouts.For(year, MapTier.Upper, Councils).Cells, c => c.Code == "E06000017");
    }

    [Fact]
    public void A_council_without_a_cell_is_a_clear_error()
    {
        var added = Councils.Append(new Authority("E06000999", "Newtown", "Newtown Council", AuthorityType.Unitary, null, null, null, null, []));

        var error = Assert.Throws<InvalidDataException>(() => HexLayouts.For(new FinancialYear(2019), MapTier.Lower, added));

        Assert.Equal("the lower-tier map of 2019-20 has no cell for E06000999", error.Message);
    }
}
