using System.Globalization;
using Microsoft.AspNetCore.Http;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Signals;
using Upheld.Statistics.Funnels;
using Upheld.Web.Map;

namespace Upheld.Web.Compare;

/// <summary>A compare page's table as CSV, with the limits at each council's denominator that place it.</summary>
public static class CompareDownload
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "name", "type", "year", "statistic", "adjustment", "figure", "count", "denominator", "rate", "average",
        "limit_95_low", "limit_95_high", "limit_99_8_low", "limit_99_8_high", "position",
    ];

    /// <summary>The download beside a compare page: its path with <c>.csv</c>.</summary>
    public static string Href(AuthorityType type, FinancialYear year, MapStatistic statistic, Overdispersion adjustment) =>
        CompareChoice.Path(type, year, statistic, adjustment) + ".csv";

    public static string PositionName(FunnelPosition position) => position switch
    {
        FunnelPosition.Above998 => "above_99_8",
        FunnelPosition.Above95 => "above_95",
        FunnelPosition.Below998 => "below_99_8",
        FunnelPosition.Below95 => "below_95",
        _ => "within",
    };

    internal static IResult Csv((AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page, FunnelPlot plot,
        Func<string, (Statistics.Statistic Statistic, long Count, long? Denominator)> of)
    {
        var adjustment = page.Adjustment.ToString().ToLowerInvariant();
        // Rows in the order of the page's table: by council name.
        var rows = plot.Points.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var limits = plot.Limits(p.Denominator);
            return (IReadOnlyList<string?>)
            [
                p.Code, p.Name, page.Type.DisplayName(), page.Year.Year.ToString(), page.Statistic.Slug, adjustment,
                of(p.Code).Statistic.Value.Text, Whole(p.Unit.Count), Whole(p.Denominator), Number(p.Rate), Number(plot.P0),
                Number(limits.Low95), Number(limits.High95), Number(limits.Low998), Number(limits.High998), PositionName(p.Position),
            ];
        });
        return Results.Bytes(CsvWriter.Build(Columns, rows), "text/csv; charset=utf-8");
    }

    /// <summary>
    /// The case-mix compare page's table in the same columns: count is the upheld complaints, denominator the expected ones (unrounded),
    /// rate their ratio, average 1, and the limits at the council's precision.
    /// </summary>
    internal static IResult CaseMixCsv((AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page, Upheld.Signals.CaseMixFunnel plot)
    {
        var adjustment = page.Adjustment.ToString().ToLowerInvariant();
        var rows = plot.Points.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
        {
            var limits = plot.Limits(p.Precision);
            return (IReadOnlyList<string?>)
            [
                p.Code, p.Name, page.Type.DisplayName(), page.Year.Year.ToString(), page.Statistic.Slug, adjustment,
                p.Council.RatioText, Whole(p.Council.ObservedUpheld), Number(p.Council.Expected.Nearest()), Number(p.Ratio), Number(1),
                Number(limits.Low95), Number(limits.High95), Number(limits.Low998), Number(limits.High998), PositionName(p.Position),
            ];
        });
        return Results.Bytes(CsvWriter.Build(Columns, rows), "text/csv; charset=utf-8");
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
