namespace Upheld.Statistics.Funnels;

/// <summary>One council on a funnel plot: its count, denominator, rate and where it sits against the limits.</summary>
/// <param name="Rate">Count ÷ denominator for proportions; per 100,000 residents for the rate per head.</param>
public sealed record FunnelPoint(FunnelUnit Unit, double Rate, FunnelPosition Position)
{
    public string Code => Unit.Code;
    public string Name => Unit.Name;
    public long Denominator => Unit.Denominator;
    public bool IsOutside => Position != FunnelPosition.Within;
}

/// <summary>The four control limits at one denominator, in the unit of the plotted rate.</summary>
public readonly record struct FunnelLimits(double Low998, double Low95, double High95, double High998)
{
    /// <summary>Where a rate falls: outside the 99.8% limits first, then the 95% limits.</summary>
    public FunnelPosition Position(double rate) =>
        rate > High998 ? FunnelPosition.Above998 :
        rate > High95 ? FunnelPosition.Above95 :
        rate < Low998 ? FunnelPosition.Below998 :
        rate < Low95 ? FunnelPosition.Below95 :
        FunnelPosition.Within;
}
