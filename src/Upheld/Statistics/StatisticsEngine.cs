using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>Computes the year's statistics for every authority: rates, printed figures, 95% intervals, type averages and comparisons.</summary>
/// <remarks>Pure: the caller gathers the counts; nothing here reads storage or the clock.</remarks>
public static class StatisticsEngine
{
    /// <summary>One result per authority, ordered by code (ordinal), with averages over all authorities of its type.</summary>
    /// <param name="authoritiesOfYear">Every authority that exists in the year, of every type, including those with no cases.</param>
    /// <param name="method">How the averages for similar authorities are formed.</param>
    public static IReadOnlyList<AuthorityStatistics> Compute(
        IReadOnlyList<AuthorityYearCounts> authoritiesOfYear, AverageMethod method = AverageMethod.Pooled)
    {
        var averages = Averages(authoritiesOfYear, method);
        return authoritiesOfYear
            .OrderBy(a => a.Code, StringComparer.Ordinal)
            .Select(a => ForAuthority(a, averages[a.Type]))
            .ToList();
    }

    /// <summary>The averages for each of the five authority types; a type with no authorities has null figures.</summary>
    public static IReadOnlyDictionary<AuthorityType, TypeAverages> Averages(
        IReadOnlyList<AuthorityYearCounts> authoritiesOfYear, AverageMethod method = AverageMethod.Pooled)
    {
        Validate(authoritiesOfYear);
        var byType = authoritiesOfYear.ToLookup(a => a.Type);
        return AuthorityTypes.All.ToDictionary(t => t, t => TypeAverages.Compute(t, byType[t], method));
    }

    /// <summary>One authority's statistics against averages already computed for its type.</summary>
    public static AuthorityStatistics ForAuthority(AuthorityYearCounts a, TypeAverages averages)
    {
        if (a.Type != averages.Type)
            throw new ArgumentException($"{a.Code} is a {a.Type.DisplayName()}, not a {averages.Type.DisplayName()}.", nameof(averages));
        return new AuthorityStatistics(
            a,
            averages.Method,
            Statistic.Of(Figure.Proportion(a.Upheld, a.Investigations),
                WilsonInterval.For(a.Upheld, a.Investigations), averages.Uphold),
            Statistic.Of(Figure.Proportion(a.Complied, a.ComplianceOutcomes),
                WilsonInterval.For(a.Complied, a.ComplianceOutcomes), averages.Compliance),
            Statistic.Of(Figure.Proportion(a.SatisfactoryRemedies, a.Upheld),
                WilsonInterval.For(a.SatisfactoryRemedies, a.Upheld), averages.SatisfactoryRemedy),
            Statistic.Of(Figure.PerHundredThousand(a.Upheld, a.Population),
                PoissonInterval.PerHundredThousand(a.Upheld, a.Population), averages.UpheldPer100k));
    }

    // Bad counts would give rates above 100% or silently mix years into one average: refuse them.
    private static void Validate(IReadOnlyList<AuthorityYearCounts> authorities)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in authorities)
        {
            string? problem =
                !codes.Add(a.Code) ? "appears more than once" :
                a.Year != authorities[0].Year ? $"is for {a.Year}, not {authorities[0].Year}" :
                a.Received < 0 || a.Decided < 0 || a.Upheld < 0 || a.NotUpheld < 0 || a.SatisfactoryRemedies < 0
                    || a.Complied < 0 || a.CompliedLate < 0 || a.NotComplied < 0 ? "has a negative count" :
                a.Population < 0 ? "has a negative population" :
                a.SatisfactoryRemedies > a.Upheld ? "has more satisfactory remedies than upheld decisions" :
                a.CompliedLate > a.Complied ? "has more late compliance than compliance (complied includes late)" :
                null;
            if (problem is not null) throw new ArgumentException($"{a.Code} {problem}.", nameof(authorities));
        }
    }
}
