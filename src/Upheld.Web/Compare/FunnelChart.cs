using System.Globalization;
using Upheld.Statistics.Funnels;

namespace Upheld.Web.Compare;

/// <summary>The funnel plot laid out for SVG: scales, ticks, limit curves and point positions, in user units.</summary>
public sealed class FunnelChart
{
    public const double Width = 720, Height = 460, Left = 78, Right = 20, Top = 16, Bottom = 56;
    private const int CurveSamples = 160;

    private readonly double _xMax, _yMax;

    public FunnelChart(FunnelPlot funnel)
    {
        Funnel = funnel;
        _xMax = NiceCeiling(Math.Max(1, funnel.Points.Select(p => (double)p.Denominator).DefaultIfEmpty(1).Max() * 1.05));
        _yMax = funnel.Model == FunnelModel.Binomial ? 1
            // Per head the axis must hold every council and the limits over most of the range, not their spike at tiny populations.
            : NiceCeiling(Math.Max(funnel.Points.Select(p => p.Rate).DefaultIfEmpty(0).Max(),
                funnel.P0 is null ? 1 : funnel.Limits((long)Math.Max(1, _xMax / 10)).High998) * 1.1);
    }

    public FunnelPlot Funnel { get; }

    public double X(double n) => Left + (Width - Left - Right) * n / _xMax;
    public double Y(double rate) => Height - Bottom - (Height - Top - Bottom) * Math.Min(rate, _yMax) / _yMax;

    public IEnumerable<(double Position, string Label)> XTicks => Ticks(_xMax).Select(t => (X(t), t.ToString("N0", CultureInfo.InvariantCulture)));

    public IEnumerable<(double Position, string Label)> YTicks => Ticks(_yMax).Select(t => (Y(t),
        Funnel.Model == FunnelModel.Binomial ? (t * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : t.ToString("0.##", CultureInfo.InvariantCulture)));

    /// <summary>The four limit curves as SVG polylines, lowest 99.8% first, from a denominator of 1 (or a sliver of the axis) to the end of the axis.</summary>
    /// <remarks>
    /// A browser drops a whole polyline when one of its points is not a number, so a point where a limit is undefined is
    /// left out and the curve split there: each stretch where it is defined is drawn as a polyline of its own.
    /// </remarks>
    public IReadOnlyList<FunnelCurve> Curves()
    {
        if (Funnel.P0 is null) return [];
        var from = Funnel.Model == FunnelModel.Binomial ? 1 : _xMax / 200;
        var ns = Enumerable.Range(0, CurveSamples + 1)
            .Select(i => (long)Math.Round(from + (_xMax - from) * Math.Pow(i / (double)CurveSamples, 2)))
            .Where(n => n >= 1).Distinct().ToList();
        var limits = ns.Select(n => (n, Funnel.Limits(n))).ToList();
        (FunnelCurveKind Kind, Func<FunnelLimits, double> Pick)[] curves =
        [
            (FunnelCurveKind.Low998, l => l.Low998), (FunnelCurveKind.Low95, l => l.Low95),
            (FunnelCurveKind.High95, l => l.High95), (FunnelCurveKind.High998, l => l.High998),
        ];
        var drawn = new List<FunnelCurve>();
        foreach (var (kind, pick) in curves)
        {
            var stretch = new List<string>();
            foreach (var (n, l) in limits)
            {
                var rate = pick(l);
                if (double.IsFinite(rate)) stretch.Add(Point(n, rate));
                else Flush();
            }
            Flush();

            void Flush()
            {
                // One point alone draws nothing.
                if (stretch.Count > 1) drawn.Add(new FunnelCurve(kind, string.Join(' ', stretch)));
                stretch.Clear();
            }
        }
        return drawn;
    }

    public string P0Line => Funnel.P0 is { } p0 ? $"{Format(X(0))},{Format(Y(p0))} {Format(X(_xMax))},{Format(Y(p0))}" : "";

    public static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private string Point(double n, double rate) => $"{Format(X(n))},{Format(Y(rate))}";

    private static IEnumerable<double> Ticks(double max)
    {
        var step = NiceStep(max / 5);
        for (var t = 0.0; t <= max * 1.0001; t += step) yield return t;
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var scaled = rough / magnitude;
        return magnitude * (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10);
    }

    private static double NiceCeiling(double value)
    {
        var step = NiceStep(value / 5);
        return Math.Ceiling(value / step) * step;
    }
}

/// <summary>Which control limit a curve draws.</summary>
public enum FunnelCurveKind
{
    Low998,
    Low95,
    High95,
    High998,
}

/// <summary>One stretch of a limit curve, as the points of an SVG polyline.</summary>
public sealed record FunnelCurve(FunnelCurveKind Kind, string Points)
{
    public bool Is998 => Kind is FunnelCurveKind.Low998 or FunnelCurveKind.High998;
}
