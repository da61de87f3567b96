using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Maps;
using Upheld.Statistics;
using Upheld.Web.Map;

namespace Upheld.Web.Api;

/// <summary>CSV downloads of the site's tables, at paths beside their pages so a static copy serves them too.</summary>
/// <remarks>Column sets are versioned in the README ("downloads, version 1"); every download carries the licence header.</remarks>
public static class Downloads
{
    public static readonly IReadOnlyList<string> MapColumns =
        ["code", "name", "type", "year", "statistic", "figure", "rate", "numerator", "denominator", "average", "average_rate", "comparison", "interval_low", "interval_high"];

    public static readonly IReadOnlyList<string> DecisionColumns =
        ["case_ref", "authority_code", "year", "decision_date", "category", "subcategory", "outcome", "remedied_by_authority", "summary"];

    public static void MapDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet("/maps/{year}/{statistic}/{tier}.csv", (string year, string statistic, string tier, SiteData data) =>
        {
            if (!FinancialYear.TryParse(year, out var y) || data.Year(y.Value) is not { } published || MapStatistic.Find(statistic) is not { } chosen) return Answers.NotFound();
            MapTier? mapTier = tier switch { "lower" => MapTier.Lower, "upper" => MapTier.Upper, _ => null };
            if (mapTier is null) return Answers.NotFound();
            var rows = HexLayouts.For(y.Value, mapTier.Value, data.Authorities).Cells
                .Select(c => published.Statistics[c.Code]).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => MapRow(s, chosen));
            return Csv(CsvWriter.Build(MapColumns, rows));
        });

        downloads.MapGet("/years/{year}/statistics.csv", (string year, SiteData data) =>
            FinancialYear.TryParse(year, out var y) && data.Year(y.Value) is { } published
                ? Csv(Bytes(stream => StatisticsCsv.Write(stream, published.Statistics.Values.OrderBy(s => s.Code, StringComparer.Ordinal))))
                : Answers.NotFound());

        downloads.MapGet("/councils/{code}/{slug}/{year}/decisions.csv", (string code, string slug, string year, SiteData data) =>
        {
            if (data.Authority(code) is not { } council || slug != Slug.For(council.Name) || !FinancialYear.TryParse(year, out var y)
                || !council.ExistsIn(y.Value) || data.Year(y.Value) is null) return Answers.NotFound();
            var rows = data.CouncilYear(code, y.Value).UpheldDecisions.Select(d => (IReadOnlyList<string?>)
            [
                d.CaseRef, code, y.Value.ToString(), d.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.Category, d.Subcategory, d.Outcome, d.RemediedByAuthority ? "true" : "false", d.Summary,
            ]);
            return Csv(CsvWriter.Build(DecisionColumns, rows));
        });
    }

    public static string MapHref(FinancialYear year, MapStatistic statistic, MapTier tier) =>
        $"/maps/{year}/{statistic.Slug}/{tier.ToString().ToLowerInvariant()}.csv";

    private static IReadOnlyList<string?> MapRow(AuthorityStatistics s, MapStatistic chosen)
    {
        var figure = chosen.Of(s);
        var (numerator, denominator) = chosen.Slug switch
        {
            "uphold" => (s.Counts.Upheld, (long?)s.Counts.Investigations),
            "compliance" => (s.Counts.Complied, s.Counts.ComplianceOutcomes),
            "satisfactory-remedy" => (s.Counts.SatisfactoryRemedies, s.Counts.Upheld),
            _ => (s.Counts.Upheld, s.Counts.Population),
        };
        return
        [
            s.Code, s.Name, s.Type.DisplayName(), s.Year, chosen.Slug, figure.Value.Text, Number(figure.Value.Rate),
            numerator.ToString(CultureInfo.InvariantCulture), denominator?.ToString(CultureInfo.InvariantCulture),
            figure.Average.Text, Number(figure.Average.Rate), figure.Comparison?.ToWireName(),
            Number(figure.Interval?.Low), Number(figure.Interval?.High),
        ];
    }

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    private static IResult Csv(byte[] body) => Results.Bytes(body, "text/csv; charset=utf-8");
}
