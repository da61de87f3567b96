using Upheld.Authorities;

namespace Upheld.Statistics.Funnels;

/// <summary>A statistic a funnel plot can show: three proportions and upheld decisions per 100,000 residents.</summary>
public enum FunnelStatistic
{
    Uphold,
    Compliance,
    SatisfactoryRemedy,
    UpheldPer100k,
}

/// <summary>What each <see cref="FunnelStatistic"/> counts, and over what.</summary>
public static class FunnelStatistics
{
    /// <summary>True for the one rate per head, whose limits are Poisson rather than binomial.</summary>
    public static bool IsPerHead(this FunnelStatistic statistic) => statistic == FunnelStatistic.UpheldPer100k;

    /// <summary>The council's count and the denominator it is a rate of; the denominator is 0 when there is no rate.</summary>
    public static FunnelUnit Unit(this FunnelStatistic statistic, AuthorityYearCounts counts) => statistic switch
    {
        FunnelStatistic.Uphold => new(counts.Code, counts.Name, counts.Upheld, counts.Investigations),
        FunnelStatistic.Compliance => new(counts.Code, counts.Name, counts.Complied, counts.ComplianceOutcomes),
        FunnelStatistic.SatisfactoryRemedy => new(counts.Code, counts.Name, counts.SatisfactoryRemedies, counts.Upheld),
        FunnelStatistic.UpheldPer100k => new(counts.Code, counts.Name, counts.Upheld, counts.Population ?? 0),
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, null),
    };

    /// <summary>The funnel for the councils of one type among a year's counts; other types are ignored.</summary>
    public static FunnelPlot Funnel(this FunnelStatistic statistic, AuthorityType type,
        IEnumerable<AuthorityYearCounts> authoritiesOfYear, Overdispersion adjustment = Overdispersion.None) =>
        FunnelPlot.Compute(
            authoritiesOfYear.Where(a => a.Type == type).Select(a => statistic.Unit(a)),
            statistic.IsPerHead() ? FunnelModel.Poisson : FunnelModel.Binomial,
            adjustment);
}

/// <summary>One council on a funnel: its count of events and the denominator (cases, or residents) they are out of.</summary>
public sealed record FunnelUnit(string Code, string Name, long Count, long Denominator);
