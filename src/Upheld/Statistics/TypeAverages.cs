using System.Numerics;
using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>The averages for similar authorities: one type of authority in one year, each authority of the type included.</summary>
public sealed record TypeAverages(
    AuthorityType Type,
    AverageMethod Method,
    Figure Uphold,
    Figure Compliance,
    Figure SatisfactoryRemedy,
    Figure UpheldPer100k)
{
    /// <summary>The averages of the authorities of <paramref name="type"/> among <paramref name="authorities"/>; others are ignored.</summary>
    /// <remarks>
    /// Pooled: sum of numerators ÷ sum of denominators. Mean: mean of the authorities' rates, leaving out
    /// zero denominators. Per 100,000 either way only counts authorities with a population.
    /// </remarks>
    public static TypeAverages Compute(AuthorityType type, IEnumerable<AuthorityYearCounts> authorities, AverageMethod method)
    {
        var ofType = authorities.Where(a => a.Type == type).ToList();
        return new TypeAverages(
            type,
            method,
            Figure.Percentage(Average(ofType.Select(a => ((BigInteger)a.Upheld, (BigInteger)a.Investigations)), method)),
            Figure.Percentage(Average(ofType.Select(a => ((BigInteger)a.Complied, (BigInteger)a.ComplianceOutcomes)), method)),
            Figure.Percentage(Average(ofType.Select(a => ((BigInteger)a.SatisfactoryRemedies, (BigInteger)a.Upheld)), method)),
            Figure.PerHundredThousand(Average(
                ofType.Where(a => a.Population is > 0)
                      .Select(a => ((BigInteger)a.Upheld * 100_000, (BigInteger)a.Population!.Value)),
                method)));
    }

    /// <summary>The average of numerator/denominator pairs; null when no pair has a non-zero denominator.</summary>
    internal static Rational? Average(IEnumerable<(BigInteger Numerator, BigInteger Denominator)> parts, AverageMethod method)
    {
        BigInteger numerators = 0, denominators = 0;
        var sumOfRates = Rational.Zero;
        var rates = 0;
        foreach (var (numerator, denominator) in parts)
        {
            numerators += numerator;
            denominators += denominator;
            if (method == AverageMethod.Mean && !denominator.IsZero)
            {
                sumOfRates += new Rational(numerator, denominator);
                rates++;
            }
        }

        return method switch
        {
            AverageMethod.Pooled => Rational.Ratio(numerators, denominators),
            AverageMethod.Mean => rates == 0 ? null : sumOfRates / rates,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
    }
}
