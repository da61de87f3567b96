namespace Upheld.Statistics.Funnels;

/// <summary>A funnel plot: councils' rates against their denominators, with 95% and 99.8% control limits around the pooled rate p₀.</summary>
/// <remarks>
/// Pure: the caller supplies the counts. Councils with a zero denominator (nothing to count, or no population)
/// have no rate and are left out, of the points and of p₀. Rates, p₀ and limits are in the plotted unit:
/// a fraction for proportions, events per 100,000 for the Poisson model.
/// </remarks>
public sealed class FunnelPlot
{
    /// <summary>Plotted rates per head are per this many residents.</summary>
    public const double PerHead = 100_000;

    private static readonly double[] Probabilities = [0.001, 0.025, 0.975, 0.999];

    private readonly double _p0; // per case or per resident, the unit the distributions work in

    private FunnelPlot(FunnelModel model, Overdispersion adjustment, double p0, Dispersion? dispersion, IReadOnlyList<FunnelUnit> units)
    {
        Model = model;
        Adjustment = adjustment;
        _p0 = p0;
        Dispersion = dispersion;
        Points = units.Select(u => new FunnelPoint(u, Scale * u.Count / u.Denominator, Limits(u.Denominator).Position(Scale * u.Count / u.Denominator)))
            .ToList();
    }

    public FunnelModel Model { get; }
    public Overdispersion Adjustment { get; }

    /// <summary>φ and τ² when an adjustment was asked for and could be estimated; null otherwise.</summary>
    public Dispersion? Dispersion { get; }

    /// <summary>True when the limits are wider than chance alone gives: an adjustment was asked for and φ &gt; 1.</summary>
    public bool IsWidened => Adjustment != Overdispersion.None && Dispersion is { Phi: > 1 };

    /// <summary>The pooled rate of the type: every count over every denominator, in the plotted unit; null with no council to pool.</summary>
    public double? P0 => Points.Count == 0 ? null : Scale * _p0;

    /// <summary>Councils with a rate, in the order given.</summary>
    public IReadOnlyList<FunnelPoint> Points { get; }

    private double Scale => Model == FunnelModel.Poisson ? PerHead : 1;

    /// <summary>The funnel for these councils under <paramref name="model"/>, widened for over-dispersion if asked and needed.</summary>
    public static FunnelPlot Compute(IEnumerable<FunnelUnit> councils, FunnelModel model, Overdispersion adjustment = Overdispersion.None)
    {
        var units = councils.Where(u => u.Denominator > 0).ToList();
        foreach (var u in units)
            if (u.Count < 0 || (model == FunnelModel.Binomial && u.Count > u.Denominator))
                throw new ArgumentException($"{u.Code}: {u.Count} of {u.Denominator} is not a rate.", nameof(councils));
        var p0 = units.Count == 0 ? 0 : (double)units.Sum(u => u.Count) / units.Sum(u => u.Denominator);
        var dispersion = adjustment == Overdispersion.None ? null :
            Dispersion.Estimate(units.Select(u => ((double)u.Count / u.Denominator, StandardError(model, p0, u.Denominator))).ToList(), p0);
        return new FunnelPlot(model, adjustment, p0, dispersion, units);
    }

    /// <summary>The 95% and 99.8% limits at denominator <paramref name="n"/> (cases, or residents), in the plotted unit.</summary>
    /// <remarks>
    /// Kept once worked out: a council's limits place its point, and its compare download and the chart's curves ask again
    /// (each exact limit searches the distribution's quantile).
    /// </remarks>
    public FunnelLimits Limits(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return _limits.GetOrAdd(n, at =>
        {
            var limits = Probabilities.Select(p => Scale * Limit(at, p)).ToArray();
            return new FunnelLimits(limits[0], limits[1], limits[2], limits[3]);
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, FunnelLimits> _limits = new();

    private double Limit(long n, double p)
    {
        var exact = Model == FunnelModel.Binomial ? ControlLimits.Binomial(_p0, n, p) : ControlLimits.Poisson(_p0, n, p);
        if (!IsWidened) return exact;
        var widened = Adjustment == Overdispersion.Multiplicative
            // Scaling the exact limit's distance from p₀ by √φ multiplies the variance by φ and keeps the exact shape.
            ? _p0 + Math.Sqrt(Dispersion!.Phi) * (exact - _p0)
            : _p0 + MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p)
                * Math.Sqrt(Math.Pow(StandardError(Model, _p0, n), 2) + Dispersion!.Tau2);
        return Model == FunnelModel.Binomial ? Math.Clamp(widened, 0, 1) : Math.Max(0, widened);
    }

    /// <summary>The standard error of one council's rate under the target: √(p₀(1−p₀)/n), or √(p₀/n) for Poisson.</summary>
    public static double StandardError(FunnelModel model, double p0, double n) =>
        Math.Sqrt((model == FunnelModel.Binomial ? p0 * (1 - p0) : p0) / n);
}
