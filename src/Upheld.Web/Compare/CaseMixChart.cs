using System.Globalization;
using Upheld.Signals;
using Upheld.Statistics.Funnels;

namespace Upheld.Web.Compare;

/// <summary>The case-mix funnel laid out for SVG as <see cref="FunnelChart"/> lays out the others: ratio up, precision across, limits around 1.</summary>
public sealed class CaseMixChart
{
    private const int CurveSamples = 160;

    private readonly double _xMax, _yMax;

    public CaseMixChart(CaseMixFunnel funnel)
    {
        Funnel = funnel;
        _xMax = NiceCeiling(Math.Max(1, funnel.Points.Select(p => p.Precision).DefaultIfEmpty(1).Max() * 1.05));
        // The axis holds every council and the limits over most of the range, not their spike at the smallest councils.
        _yMax = NiceCeiling(Math.Max(1.5, Math.Max(funnel.Points.Select(p => p.Ratio).DefaultIfEmpty(0).Max(), funnel.Limits(_xMax / 20).High998) * 1.05));
    }

    public CaseMixFunnel Funnel { get; }

    public double X(double precision) => FunnelChart.Left + (FunnelChart.Width - FunnelChart.Left - FunnelChart.Right) * precision / _xMax;

    public double Y(double ratio) => FunnelChart.Height - FunnelChart.Bottom - (FunnelChart.Height - FunnelChart.Top - FunnelChart.Bottom) * Math.Min(ratio, _yMax) / _yMax;

    public IEnumerable<(double Position, string Label)> XTicks => Ticks(_xMax).Select(t => (X(t), t.ToString("N0", CultureInfo.InvariantCulture)));

    public IEnumerable<(double Position, string Label)> YTicks => Ticks(_yMax).Select(t => (Y(t), t.ToString("0.0#", CultureInfo.InvariantCulture)));

    /// <summary>The four limit curves as polylines, each stretch where it is a number drawn on its own (see <see cref="FunnelChart.Curves"/>).</summary>
    public IReadOnlyList<FunnelCurve> Curves()
    {
        if (Funnel.Points.Count == 0) return [];
        var from = _xMax / 400;
        var xs = Enumerable.Range(0, CurveSamples + 1).Select(i => from + (_xMax - from) * Math.Pow(i / (double)CurveSamples, 2)).ToList();
        var limits = xs.Select(x => (x, Funnel.Limits(x))).ToList();
        (FunnelCurveKind Kind, Func<FunnelLimits, double> Pick)[] curves =
        [
            (FunnelCurveKind.Low998, l => l.Low998), (FunnelCurveKind.Low95, l => l.Low95),
            (FunnelCurveKind.High95, l => l.High95), (FunnelCurveKind.High998, l => l.High998),
        ];
        var drawn = new List<FunnelCurve>();
        foreach (var (kind, pick) in curves)
        {
            var stretch = new List<string>();
            foreach (var (x, l) in limits)
            {
                var ratio = pick(l);
                if (double.IsFinite(ratio)) stretch.Add($"{FunnelChart.Format(X(x))},{FunnelChart.Format(Y(ratio))}");
                else Flush();
            }
            Flush();

            void Flush()
            {
                if (stretch.Count > 1) drawn.Add(new FunnelCurve(kind, string.Join(' ', stretch)));
                stretch.Clear();
            }
        }
        return drawn;
    }

    /// <summary>The line at 1: as many upheld as expected.</summary>
    public string TargetLine => $"{FunnelChart.Format(X(0))},{FunnelChart.Format(Y(1))} {FunnelChart.Format(X(_xMax))},{FunnelChart.Format(Y(1))}";

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
