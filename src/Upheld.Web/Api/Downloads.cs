using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Statistics;

namespace Upheld.Web.Api;

/// <summary>CSV downloads of the site's tables, at paths beside their pages so a static copy serves them too.</summary>
/// <remarks>Column sets are versioned in docs/site-and-api.md ("Downloads (CSV, version 1)"); every download carries the licence header.</remarks>
public static class Downloads
{
    public static readonly IReadOnlyList<string> DecisionColumns =
        ["case_ref", "authority_code", "year", "decision_date", "category", "subcategory", "outcome", "remedied_by_authority", "summary"];

    public static void MapDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet("/years/{year}/statistics.csv", (string year, SiteData data) =>
            FinancialYear.TryParse(year, out var y) && data.Year(y.Value) is { } published
                ? Csv(Bytes(stream => StatisticsCsv.Write(stream, published.Statistics.Values.OrderBy(s => s.Code, StringComparer.Ordinal))))
                : Answers.NotFound());

        downloads.MapGet("/years/{year}/decisions.csv.gz", (string year, SiteData data, Upheld.Storage.Database database) =>
        {
            if (!FinancialYear.TryParse(year, out var y) || data.Year(y.Value) is null) return Answers.NotFound();
            using var connection = database.Connect();
            var earlier = data.PreviousExport is { } previous ? Path.Combine(previous, "years", y.Value.ToString(), "decisions.csv.gz") : null;
            return Results.Bytes(Upheld.Cases.YearDecisionsFile.Gzipped(connection, y.Value, earlier), "application/gzip");
        });

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

    private static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    internal static IResult Csv(byte[] body) => Results.Bytes(body, "text/csv; charset=utf-8");
}
