using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>Everything counted for one authority in one financial year: the statistics engine's only input.</summary>
/// <remarks>
/// <see cref="Complied"/> includes late compliance, so <c>Complied + NotComplied</c> is every
/// compliance outcome recorded in the year. <see cref="Population"/> is null when no estimate serves the year.
/// </remarks>
public sealed record AuthorityYearCounts(
    string Code,
    string Name,
    AuthorityType Type,
    FinancialYear Year,
    int Received,
    int Decided,
    int Upheld,
    int NotUpheld,
    int SatisfactoryRemedies,
    int Complied,
    int CompliedLate,
    int NotComplied,
    long? Population)
{
    /// <summary>Detailed investigations: upheld plus not upheld decisions.</summary>
    public int Investigations => Upheld + NotUpheld;

    /// <summary>Compliance outcomes recorded in the year, late ones included.</summary>
    public int ComplianceOutcomes => Complied + NotComplied;
}
