using System.Numerics;
using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class RationalTests
{
    [Fact]
    public void Is_kept_in_lowest_terms_with_a_positive_denominator()
    {
        var half = new Rational(-3, -6);
        Assert.Equal(BigInteger.One, half.Numerator);
        Assert.Equal(new BigInteger(2), half.Denominator);
        Assert.Equal(new Rational(1, 2), half);
        Assert.Equal(new Rational(-1, 2), new Rational(2, -4));
    }

    [Fact]
    public void Default_value_is_zero()
    {
        Assert.Equal(new Rational(0, 5), default(Rational));
        Assert.Equal(0.0, default(Rational).ToDouble());
        Assert.Equal(new Rational(7, 3), default(Rational) + new Rational(7, 3));
    }

    [Fact]
    public void Ratio_with_zero_denominator_is_null_not_zero()
    {
        Assert.Null(Rational.Ratio(0, 0));
        Assert.Equal(Rational.Zero, Rational.Ratio(0, 2));
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        var mean = (new Rational(1, 1) + new Rational(1, 3)) / 2;
        Assert.Equal(new Rational(2, 3), mean);
        Assert.Equal(new Rational(1, 6), new Rational(1, 2) - new Rational(1, 3));
        Assert.True(new Rational(2, 3) > new Rational(665, 1000));
        Assert.True(new Rational(1, 3) < new Rational(1, 2));
    }

    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(-5, 2, -3)]
    [InlineData(7, 3, 2)]
    [InlineData(8, 3, 3)]
    [InlineData(-7, 3, -2)]
    [InlineData(0, 9, 0)]
    public void Rounds_halves_away_from_zero(long numerator, long denominator, long expected) =>
        Assert.Equal(new BigInteger(expected), new Rational(numerator, denominator).RoundHalfAwayFromZero());

    [Fact]
    public void Converts_to_double_when_parts_are_far_beyond_double_range()
    {
        var huge = BigInteger.Pow(10, 400);
        Assert.Equal(1.0 / 3, new Rational(huge + 1, 3 * huge).ToDouble(), 15);
        Assert.Equal(12.0 / 14, new Rational(12, 14).ToDouble());
        Assert.Equal(-0.25, new Rational(-1, 4).ToDouble());
        Assert.Equal(1e300, new Rational(BigInteger.Pow(10, 300), 1).ToDouble(), 1e286);
    }
}
