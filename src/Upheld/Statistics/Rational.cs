using System.Numerics;

namespace Upheld.Statistics;

/// <summary>An exact fraction of two integers, always in lowest terms with a positive denominator.</summary>
/// <remarks>
/// Rates are kept exact so that display rounding (halves away from zero) and means of rates
/// never depend on a binary float sitting just under a half. <c>default</c> is zero.
/// </remarks>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne; // so that default(Rational) is 0/1

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("A rational needs a non-zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero) { numerator /= gcd; denominator /= gcd; }
        _numerator = numerator;
        _denominatorMinusOne = denominator - 1;
    }

    public BigInteger Numerator => _numerator;
    public BigInteger Denominator => _denominatorMinusOne + 1;

    public static Rational Zero => default;
    public static Rational One => new(1, 1);

    /// <summary>numerator ÷ denominator, or null when the denominator is zero: no rate, not 0%.</summary>
    public static Rational? Ratio(BigInteger numerator, BigInteger denominator) =>
        denominator.IsZero ? null : new Rational(numerator, denominator);

    public static implicit operator Rational(long value) => new(value, 1);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static Rational operator /(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>The nearest whole number, halves away from zero, computed on the integers.</summary>
    public BigInteger RoundHalfAwayFromZero()
    {
        var quotient = BigInteger.DivRem(BigInteger.Abs(Numerator), Denominator, out var remainder);
        if (2 * remainder >= Denominator) quotient += 1;
        return Numerator.Sign < 0 ? -quotient : quotient;
    }

    /// <summary>The nearest double, correct even when numerator and denominator are far beyond double's range.</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero) return 0;
        var magnitude = BigInteger.Abs(Numerator);
        // Means of many rates can carry denominators of thousands of digits: scale the
        // quotient to about 64 significant bits instead of converting each part to double.
        var shift = 64 - (int)(magnitude.GetBitLength() - Denominator.GetBitLength());
        var scaled = shift >= 0 ? (magnitude << shift) / Denominator : magnitude / (Denominator << -shift);
        var value = Math.ScaleB((double)scaled, -shift);
        return Numerator.Sign < 0 ? -value : value;
    }

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is Rational other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public override string ToString() => Denominator.IsOne ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
