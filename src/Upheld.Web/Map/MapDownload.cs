using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Maps;
using Upheld.Signals;
using Upheld.Statistics;
using Upheld.Web.Api;

namespace Upheld.Web.Map;

/// <summary>The map's table as CSV, <c>/maps/{year}/{statistic}/{tier}.csv</c>, beside the map it downloads.</summary>
/// <remarks>Column sets are versioned in docs/site-and-api.md ("Downloads (CSV, version 1)"); every download carries the licence header.</remarks>
public static class MapDownload
{
    public static readonly IReadOnlyList<string> MapColumns =
        ["code", "name", "type", "year", "statistic", "figure", "rate", "numerator", "denominator", "average", "average_rate", "comparison", "interval_low", "interval_high"];

    public static void MapMapDownload(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet("/maps/{year}/{statistic}/{tier}.csv", (string year, string statistic, string tier, SiteData data) =>
        {
            if (!FinancialYear.TryParse(year, out var y) || data.Year(y.Value) is not { } published || MapStatistic.Find(statistic) is not { } chosen) return Answers.NotFound();
            MapTier? mapTier = tier switch { "lower" => MapTier.Lower, "upper" => MapTier.Upper, _ => null };
            if (mapTier is null) return Answers.NotFound();
            var of = chosen.In(data, published);
            var rows = HexLayouts.For(y.Value, mapTier.Value, data.Authorities).Cells
                .Select(c => published.Statistics[c.Code]).OrderBy(s => s.Name, StringComparer.Ordinal)
                // As on the page: a council's own figure that it never sent is left out rather than listed (docs/site-and-api.md).
                .Where(s => chosen.Handling is null || of(s.Code).Statistic.Value.Text is not null)
                .Select(s => MapRow(s, chosen, of(s.Code), chosen.IsCaseMix ? data.CaseMix(y.Value)!.Of(s.Code) : null));
            return Downloads.Csv(CsvWriter.Build(MapColumns, rows));
        });
    }

    public static string MapHref(FinancialYear year, MapStatistic statistic, MapTier tier) =>
        $"/maps/{year}/{statistic.Slug}/{tier.ToString().ToLowerInvariant()}.csv";

    /// <param name="caseMix">For the case-mix ratio, the council's: the row's rate is its ratio and its denominator the expected upheld count (docs/site-and-api.md).</param>
    private static IReadOnlyList<string?> MapRow(AuthorityStatistics s, MapStatistic chosen, (Statistic Statistic, long Count, long? Denominator) of, Upheld.Signals.CaseMixRatio? caseMix)
    {
        var (figure, numerator, denominator) = of;
        return
        [
            s.Code, s.Name, s.Type.DisplayName(), s.Year.ToString(), chosen.Slug, figure.Value.Text,
            caseMix is not null ? Number(caseMix.Ratio?.Nearest()) : Number(figure.Value.Rate),
            numerator.ToString(CultureInfo.InvariantCulture), caseMix is not null ? Number(caseMix.Expected.Nearest()) : denominator?.ToString(CultureInfo.InvariantCulture),
            figure.Average.Text, Number(figure.Average.Rate), figure.Comparison?.ToWireName(),
            Number(figure.Interval?.Low), Number(figure.Interval?.High),
        ];
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
