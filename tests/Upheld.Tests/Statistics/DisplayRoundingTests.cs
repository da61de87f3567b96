using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class DisplayRoundingTests
{
    [Theory]
    [InlineData(12, 14, "86%")] // Cambridgeshire uphold, 85.7%
    [InlineData(1, 12, "8%")] // Cambridgeshire satisfactory remedy, 8.3%
    [InlineData(19, 22, "86%")] // Worcestershire uphold
    [InlineData(11, 12, "92%")] // Worcestershire compliance
    [InlineData(3, 19, "16%")] // Worcestershire satisfactory remedy, 15.8%
    [InlineData(3, 24, "13%")] // 12.5%: banker's rounding would print 12%
    [InlineData(28, 32, "88%")] // 87.5%
    [InlineData(1, 200, "1%")] // 0.5%
    [InlineData(1, 201, "0%")] // just under a half
    [InlineData(0, 2, "0%")] // Lancaster: 0 of n is a real 0%
    [InlineData(7, 7, "100%")]
    [InlineData(2, 3, "67%")]
    public void Percent_is_a_whole_number_with_halves_away_from_zero(int numerator, int denominator, string expected) =>
        Assert.Equal(expected, DisplayRounding.Percent(new Rational(numerator, denominator)));

    [Fact]
    public void Percent_rounds_the_exact_value_not_a_float_just_under_the_half()
    {
        // 57/200 is 28.5% exactly, but 57.0 / 200 * 100 is 28.499999999999996 in binary floating point.
        Assert.True(Math.Round(57.0 / 200 * 100, MidpointRounding.AwayFromZero) == 28);
        Assert.Equal("29%", DisplayRounding.Percent(new Rational(57, 200)));
    }

    [Theory]
    [InlineData(48, 10, "4.8")]
    [InlineData(11, 1, "11")]
    [InlineData(2, 1, "2")]
    [InlineData(3, 20, "0.2")] // 0.15
    [InlineData(1, 4, "0.3")] // 0.25
    [InlineData(1, 20, "0.1")] // 0.05
    [InlineData(39, 20, "2")] // 1.95 rounds up to a whole number: no trailing ".0"
    [InlineData(1, 30, "0")] // 0.033
    [InlineData(0, 1, "0")]
    [InlineData(-3, 20, "-0.2")]
    public void One_decimal_drops_a_trailing_zero_and_rounds_halves_up(int numerator, int denominator, string expected) =>
        Assert.Equal(expected, DisplayRounding.OneDecimal(new Rational(numerator, denominator)));

    [Theory]
    [InlineData(5, 104_167L, "4.8")] // 4.79998
    [InlineData(11, 100_000L, "11")]
    [InlineData(3, 2_000_000L, "0.2")] // exactly 0.15 per 100,000
    [InlineData(1, 400_000L, "0.3")] // exactly 0.25
    [InlineData(0, 150_000L, "0")]
    public void Upheld_per_100k_text(int upheld, long population, string expected) =>
        Assert.Equal(expected, Figure.PerHundredThousand(upheld, population).Text);

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void Upheld_per_100k_without_a_population_is_null(long? population)
    {
        var figure = Figure.PerHundredThousand(3, population);
        Assert.Null(figure.Exact);
        Assert.Null(figure.Rate);
        Assert.Null(figure.Text);
    }

    [Fact]
    public void Proportion_with_zero_denominator_has_no_rate_and_no_text()
    {
        Assert.Equal(Figure.None, Figure.Proportion(0, 0));
        var zero = Figure.Proportion(0, 2);
        Assert.Equal(0.0, zero.Rate);
        Assert.Equal("0%", zero.Text);
    }
}
