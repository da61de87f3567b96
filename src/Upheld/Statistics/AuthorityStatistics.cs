using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>Everything the engine says about one authority in one year: its counts and its four statistics.</summary>
/// <param name="Counts">The engine's input for this authority, unchanged.</param>
/// <param name="AverageMethod">How the averages in the four statistics were formed.</param>
/// <param name="Uphold">Upheld decisions ÷ detailed investigations.</param>
/// <param name="Compliance">Compliance outcomes complied with, on time or late ÷ compliance outcomes.</param>
/// <param name="SatisfactoryRemedy">Upheld decisions remedied by the authority ÷ upheld decisions.</param>
/// <param name="UpheldPer100k">Upheld decisions per 100,000 residents, with a Poisson interval.</param>
public sealed record AuthorityStatistics(
    AuthorityYearCounts Counts,
    AverageMethod AverageMethod,
    Statistic Uphold,
    Statistic Compliance,
    Statistic SatisfactoryRemedy,
    Statistic UpheldPer100k)
{
    public string Code => Counts.Code;
    public string Name => Counts.Name;
    public AuthorityType Type => Counts.Type;
    public string Year => Counts.Year;
}
