using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Cases;
using Upheld.Csv;
using Upheld.Statistics;

namespace Upheld.Web.Api;

/// <summary>CSV downloads of the council page's and the year page's tables, row for row as the pages show them.</summary>
/// <remarks>Column sets are "version 1" in docs/site-and-api.md; a change of columns takes a new file name, never a silent change.</remarks>
public static class TableDownloads
{
    public static readonly IReadOnlyList<string> ReceivedColumns = ["code", "name", "type", "year", "category", "received"];
    public static readonly IReadOnlyList<string> DecidedColumns = ["code", "name", "type", "year", "outcome", "decided"];
    public static readonly IReadOnlyList<string> TrendColumns =
        ["code", "name", "type", "year", .. StatisticsFields.Statistics.SelectMany(f => new[] { f.RateName, f.TextName })];
    public static readonly IReadOnlyList<string> TypeColumns =
        ["year", "type", "ons_code_prefix", "councils", "average_method", .. StatisticsFields.Statistics.SelectMany(f => new[] { "average_" + f.RateName, "average_" + f.TextName })];
    public static readonly IReadOnlyList<string> CategoryColumns = ["year", "category", "received", "investigated", "upheld", "uphold_rate", "uphold_pct"];

    public static void MapTableDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet("/councils/{code}/{slug}/{year}/received.csv", (string code, string slug, string year, SiteData data) =>
            CouncilYear(data, code, slug, year) is not var (council, y, detail) ? Answers.NotFound()
                : Csv(ReceivedColumns, ReceivedRows(detail).Select(r => Council(council, y, r.Label, r.Count))));
        downloads.MapGet("/councils/{code}/{slug}/{year}/decided.csv", (string code, string slug, string year, SiteData data) =>
            CouncilYear(data, code, slug, year) is not var (council, y, detail) ? Answers.NotFound()
                : Csv(DecidedColumns, DecidedRows(detail).Select(r => Council(council, y, r.Label, r.Count))));
        downloads.MapGet("/councils/{code}/{slug}/trend.csv", (string code, string slug, SiteData data) =>
        {
            if (data.Authority(code) is not { } council || slug != Slug.For(council.Name)) return Answers.NotFound();
            var years = data.PublishedYears().Where(p => council.ExistsIn(p.Year)).Select(p => data.Year(p.Year)!.Statistics[code]).ToList();
            return years.Count == 0 ? Answers.NotFound() : Csv(TrendColumns, years.Select(s => (IReadOnlyList<string?>)
                [s.Code, s.Name, s.Type.DisplayName(), s.Year.ToString(), .. StatisticsFields.Statistics.SelectMany(f => new[] { Number(f.Select(s).Value.Rate), f.Select(s).Value.Text })]));
        });
        downloads.MapGet("/years/{year}/types.csv", (string year, SiteData data) =>
        {
            if (!FinancialYear.TryParse(year, out var y) || data.Year(y.Value) is not { } published) return Answers.NotFound();
            var rows = AuthorityTypes.All.Select(t => published.Statistics.Values.Where(s => s.Type == t).ToList()).Where(c => c.Count > 0)
                .Select(c => (IReadOnlyList<string?>)
                [
                    y.Value.ToString(), c[0].Type.DisplayName(), c[0].Code[..3], c.Count.ToString(CultureInfo.InvariantCulture), c[0].AverageMethod.ToWireName(),
                    .. StatisticsFields.Statistics.SelectMany(f => new[] { Number(f.Select(c[0]).Average.Rate), f.Select(c[0]).Average.Text }),
                ]);
            return Csv(TypeColumns, rows);
        });
        downloads.MapGet("/years/{year}/categories.csv", (string year, SiteData data) =>
        {
            if (!FinancialYear.TryParse(year, out var y) || data.Year(y.Value) is null) return Answers.NotFound();
            return Csv(CategoryColumns, data.Categories(y.Value).Select(c =>
            {
                var rate = Figure.Proportion(c.Upheld, c.Investigated);
                return (IReadOnlyList<string?>)[y.Value.ToString(), c.Category, Whole(c.Received), Whole(c.Investigated), Whole(c.Upheld), Number(rate.Rate), rate.Text];
            }));
        });
    }

    public static string CouncilHref(string code, string name, FinancialYear year, string table) => $"{CouncilLinks.Page(code, name, year)}/{table}.csv";

    public static string TrendHref(string code, string name) => $"/councils/{code}/{Slug.For(name)}/trend.csv";

    /// <summary>The rows of the "received" table: categories, most complaints first, then the total.</summary>
    public static IEnumerable<(string Label, int Count)> ReceivedRows(CouncilYear detail) =>
        detail.ReceivedByCategory.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value))
            .Append(("Total", detail.ReceivedByCategory.Values.Sum()));

    /// <summary>The rows of the "decided" table: the outcome groups, the upheld among them, then all dealt with.</summary>
    public static IEnumerable<(string Label, int Count)> DecidedRows(CouncilYear detail) =>
        Cases.CouncilYear.OutcomeGroups.Select(g => (g.Group, detail.InGroup(g.Group)))
            .Append(("of which upheld", detail.DecisionsByOutcome.GetValueOrDefault(Outcomes.Upheld)))
            .Append(("Total dealt with", detail.Decided));

    private static (Authority Council, FinancialYear Year, CouncilYear Detail)? CouncilYear(SiteData data, string code, string slug, string year) =>
        data.Authority(code) is { } council && slug == Slug.For(council.Name) && FinancialYear.TryParse(year, out var y)
            && council.ExistsIn(y.Value) && data.Year(y.Value) is not null
            ? (council, y.Value, data.CouncilYear(code, y.Value)) : null;

    private static IReadOnlyList<string?> Council(Authority council, FinancialYear year, string label, int count) =>
        [council.Code, council.Name, council.Type.DisplayName(), year.ToString(), label, Whole(count)];

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static IResult Csv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows) =>
        Results.Bytes(CsvWriter.Build(columns, rows), "text/csv; charset=utf-8");
}
