using Upheld.Statistics;
using Upheld.Statistics.Funnels;

namespace Upheld.Signals;

/// <summary>One council on the case-mix funnel: its ratio against the precision of its expected count, and where it lies.</summary>
/// <param name="Precision">E² ÷ V: the larger the council and the further its services' rates from 0 and 1, the narrower its limits.</param>
public sealed record CaseMixPoint(CaseMixRatio Council, double Ratio, double Precision, FunnelPosition Position)
{
    public string Code => Council.Code;
    public string Name => Council.Name;
    public bool IsOutside => Position != FunnelPosition.Within;
}

/// <summary>
/// A funnel plot of case-mix ratios around 1 for the councils of one type (docs/statistics.md, "Case-mix ratio"): each ratio
/// against its precision E²/V, with limits 1 ± z/√precision, which is exactly the council's own interval rule turned round.
/// </summary>
/// <remarks>
/// The ratio's standard error is √V ÷ E, so at precision x = E²/V the limits are 1 ± z/√x: a council lies above the 95% limit
/// exactly when its 95% interval lies wholly above 1 (it is "higher"), and positions are decided with the same exact test.
/// Councils with no ratio (nothing expected) and those with no spread (V = 0, where O = E) are left out. Over-dispersion
/// widens the limits as for the other funnels: φ from the winsorised z-scores (O − E)/√V, multiplicative (z·√φ) or additive
/// (1 ± z·√(1/x + τ²)).
/// </remarks>
public sealed class CaseMixFunnel
{
    private const double Confidence998 = 0.998;

    private CaseMixFunnel(Overdispersion adjustment, Dispersion? dispersion, IReadOnlyList<CaseMixRatio> councils)
    {
        Adjustment = adjustment;
        Dispersion = dispersion;
        Points = councils.Select(c =>
        {
            var ratio = c.Ratio!.Value.Nearest();
            var precision = Precision(c);
            return new CaseMixPoint(c, ratio, precision, IsWidened ? Limits(precision).Position(ratio) : ExactPosition(c));
        }).ToList();
    }

    public Overdispersion Adjustment { get; }

    /// <summary>φ and τ² when an adjustment was asked for and could be estimated; null otherwise.</summary>
    public Dispersion? Dispersion { get; }

    public bool IsWidened => Adjustment != Overdispersion.None && Dispersion is { Phi: > 1 };

    public IReadOnlyList<CaseMixPoint> Points { get; }

    /// <summary>The funnel of <paramref name="councils"/> (one type's, usually) under the adjustment asked for.</summary>
    public static CaseMixFunnel Compute(IEnumerable<CaseMixRatio> councils, Overdispersion adjustment = Overdispersion.None)
    {
        var plotted = councils.Where(c => c.Ratio is not null && c.Variance > Rational.Zero).ToList();
        var dispersion = adjustment == Overdispersion.None ? null
            : Dispersion.Estimate(plotted.Select(c => (c.Ratio!.Value.Nearest(), 1 / Math.Sqrt(Precision(c)))).ToList(), 1);
        return new CaseMixFunnel(adjustment, dispersion, plotted);
    }

    /// <summary>E² ÷ V.</summary>
    public static double Precision(CaseMixRatio council) => (council.Expected * council.Expected / council.Variance).Nearest();

    /// <summary>The 95% and 99.8% limits at a precision, around 1, widened if asked and needed; never below 0.</summary>
    public FunnelLimits Limits(double precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(precision);
        double Limit(double confidence, int side)
        {
            var z = Interval.NormalQuantile(confidence);
            var spread = !IsWidened ? z / Math.Sqrt(precision)
                : Adjustment == Overdispersion.Multiplicative ? z * Math.Sqrt(Dispersion!.Phi) / Math.Sqrt(precision)
                : z * Math.Sqrt(1 / precision + Dispersion!.Tau2);
            return Math.Max(0, 1 + side * spread);
        }
        return new FunnelLimits(Limit(Confidence998, -1), Limit(Interval.DefaultConfidence, -1), Limit(Interval.DefaultConfidence, 1), Limit(Confidence998, 1));
    }

    // Chance alone: the same exact test as the council's comparison, at 95% and at 99.8%.
    private static FunnelPosition ExactPosition(CaseMixRatio c)
    {
        var at95 = CaseMixEngine.Compare(c.ObservedUpheld, c.Expected, c.Variance);
        if (at95 == Comparison.Similar) return FunnelPosition.Within;
        var at998 = CaseMixEngine.Compare(c.ObservedUpheld, c.Expected, c.Variance, Confidence998);
        return at95 == Comparison.Higher
            ? at998 == Comparison.Higher ? FunnelPosition.Above998 : FunnelPosition.Above95
            : at998 == Comparison.Lower ? FunnelPosition.Below998 : FunnelPosition.Below95;
    }
}
