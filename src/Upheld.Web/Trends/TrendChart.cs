using System.Globalization;
using Upheld.Statistics;

namespace Upheld.Web.Trends;

/// <summary>How a trend's values are read and printed on its axis.</summary>
public enum TrendScale
{
    /// <summary>A proportion, 0–1, drawn from 0% to 100%.</summary>
    Percent,

    /// <summary>A rate or count from 0 upwards, the axis as high as the figures need.</summary>
    Amount,

    /// <summary>A ratio around 1, from 0 upwards, with 1 marked.</summary>
    Ratio,
}

/// <summary>One year of a trend: the figure (null where there is nothing to count), its 95% interval, the comparison line's value.</summary>
/// <param name="Label">The point's accessible name and tooltip, in words: "2019-20: 86% (95% interval 65% to 95%); average of county councils 66%".</param>
/// <param name="Href">Where the point leads (the council's page of the year); null for a point that is not a link.</param>
public sealed record TrendPoint(FinancialYear Year, double? Value, double? Low, double? High, double? Average, string Label, string? Href = null);

/// <summary>A statistic over the years, ready to draw: what it is, its points, and what its dashed line stands for.</summary>
/// <param name="Id">Unique on the page: names the chart's title element.</param>
/// <param name="Subject">Whose figure the line is: "the council's figure", "England's figure".</param>
/// <param name="AverageName">What the dashed line is ("the average of county councils"); null when there is none.</param>
/// <param name="Note">Said after the caption's description: a caveat that belongs to this statistic.</param>
public sealed record TrendSeries(string Id, string Title, string Subject, TrendScale Scale, IReadOnlyList<TrendPoint> Points, string? AverageName, string? Note = null);

/// <summary>
/// A trend laid out for SVG: one column per financial year from the first point's to the last's (a year with no point is a gap),
/// the figure as a line broken wherever a year has none, its 95% interval as a bar, the comparison as a dashed line, and the
/// methodology breaks that fall inside the years as marked vertical lines.
/// </summary>
/// <remarks>Every coordinate written is finite: a value that is not is treated as no value, never drawn as "NaN".</remarks>
public sealed class TrendChart
{
    public const double Width = 480, Height = 250, Left = 52, Right = 16, Top = 26, Bottom = 40;

    private readonly double _yMax;

    public TrendChart(TrendSeries series)
    {
        Series = series;
        First = series.Points.Min(p => p.Year);
        Last = series.Points.Max(p => p.Year);
        var highest = series.Points.SelectMany(p => new[] { p.Value, p.High, p.Average }).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value)
            .DefaultIfEmpty(0).Max();
        _yMax = series.Scale switch
        {
            TrendScale.Percent => 1,
            TrendScale.Ratio => NiceCeiling(Math.Max(highest, 1.5)),
            _ => NiceCeiling(Math.Max(highest, 1)),
        };
    }

    public TrendSeries Series { get; }
    public FinancialYear First { get; }
    public FinancialYear Last { get; }

    private int Columns => Last.StartYear - First.StartYear + 1;

    /// <summary>The centre of a year's column.</summary>
    public double X(FinancialYear year) => Left + (Width - Left - Right) * (year.StartYear - First.StartYear + 0.5) / Columns;

    public double Y(double value) => Height - Bottom - (Height - Top - Bottom) * Math.Clamp(value, 0, _yMax) / _yMax;

    public IEnumerable<(double Position, string Label)> YTicks => Ticks(_yMax).Select(t => (Y(t), Text(t)));

    /// <summary>Every year of the range with its column's centre and its label ("2019-20", or "19-20" when the columns are narrow).</summary>
    public IEnumerable<(double Position, string Label)> XTicks =>
        Enumerable.Range(First.StartYear, Columns).Select(y => new FinancialYear(y))
            .Select(y => (X(y), Columns > 6 ? y.ToString()[2..] : y.ToString()));

    /// <summary>The breaks inside the range: a line between the last year before and the first year affected.</summary>
    public IEnumerable<(double Position, MethodologyBreak Break)> Breaks =>
        MethodologyBreaks.All.Where(b => b.FirstYearAffected > First && b.FirstYearAffected <= Last)
            .Select(b => (X(b.FirstYearAffected) - (Width - Left - Right) / Columns / 2, b));

    /// <summary>The figure's line: one polyline per run of consecutive years with a value (a lone year is drawn by its point alone).</summary>
    public IReadOnlyList<string> Lines => Runs(p => p.Value);

    /// <summary>The comparison's dashed line, broken the same way.</summary>
    public IReadOnlyList<string> AverageLines => Runs(p => p.Average);

    /// <summary>The points with a value, with their positions and interval bar ends (null when the point has no interval).</summary>
    public IEnumerable<(TrendPoint Point, double X, double Y, (double Low, double High)? Bar)> Drawn =>
        Series.Points.Where(p => Finite(p.Value)).Select(p => (p, X(p.Year), Y(p.Value!.Value),
            Finite(p.Low) && Finite(p.High) ? (Y(p.Low!.Value), Y(p.High!.Value)) : ((double, double)?)null));

    /// <summary>Years with nothing to count, marked on the axis as such.</summary>
    public IEnumerable<(TrendPoint Point, double X)> Gaps => Series.Points.Where(p => !Finite(p.Value)).Select(p => (p, X(p.Year)));

    /// <summary>The height of the reference line at 1 for a ratio; null for other scales.</summary>
    public double? Reference => Series.Scale == TrendScale.Ratio ? Y(1) : null;

    public string Text(double value) => Series.Scale switch
    {
        TrendScale.Percent => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        TrendScale.Ratio => value.ToString("0.0#", CultureInfo.InvariantCulture),
        _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    public static string Format(double value) => double.IsFinite(value)
        ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "A drawn coordinate must be a number.");

    private IReadOnlyList<string> Runs(Func<TrendPoint, double?> value)
    {
        var byYear = Series.Points.ToDictionary(p => p.Year);
        var runs = new List<string>();
        var run = new List<string>();
        for (var y = First.StartYear; y <= Last.StartYear; y++)
        {
            var year = new FinancialYear(y);
            if (byYear.TryGetValue(year, out var p) && value(p) is { } v && double.IsFinite(v)) run.Add($"{Format(X(year))},{Format(Y(v))}");
            else Flush();
        }
        Flush();
        return runs;

        void Flush()
        {
            if (run.Count > 1) runs.Add(string.Join(' ', run));
            run.Clear();
        }
    }

    private static bool Finite(double? value) => value is { } v && double.IsFinite(v);

    private static IEnumerable<double> Ticks(double max)
    {
        var step = NiceStep(max / 4);
        for (var t = 0.0; t <= max * 1.0001; t += step) yield return t;
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var scaled = rough / magnitude;
        return magnitude * (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10);
    }

    private static double NiceCeiling(double value)
    {
        var step = NiceStep(value / 4);
        return Math.Ceiling(value / step) * step;
    }
}
