namespace Upheld.Tests;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2019-04-01", "2019-20")]
    [InlineData("2020-03-31", "2019-20")]
    [InlineData("2020-04-01", "2020-21")]
    [InlineData("1999-12-31", "1999-00")]
    public void A_date_belongs_to_the_year_from_1_April_to_31_March(string date, string year) =>
        Assert.Equal(year, FinancialYear.Containing(DateOnly.Parse(date)).ToString());

    [Theory]
    [InlineData("2019-20", true)]
    [InlineData("2000-01", true)]
    [InlineData("2049-50", true)]
    [InlineData("1999-00", false)]
    [InlineData("2050-51", false)]
    [InlineData("9999-00", false)]
    [InlineData("2019-21", false)]
    [InlineData("2019/20", false)]
    [InlineData("2019", false)]
    [InlineData("19-20", false)]
    public void Only_well_formed_consecutive_years_in_the_accepted_range_parse(string text, bool valid) =>
        Assert.Equal(valid, FinancialYear.TryParse(text, out _));
}
