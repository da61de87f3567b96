using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Cases;
using Upheld.Csv;
using Upheld.Statistics;
using Upheld.Web.Api;
using Upheld.Web.Trends;

namespace Upheld.Web.Pages;

/// <summary>England's totals in one published year, and its complaints by category.</summary>
public sealed record NationalYear(FinancialYear Year, IReadOnlyList<AuthorityYearCounts> Councils, IReadOnlyList<CategoryCounts> Categories)
{
    public long Received => Councils.Sum(c => (long)c.Received);
    public long Investigations => Councils.Sum(c => (long)c.Investigations);
    public long Upheld => Councils.Sum(c => (long)c.Upheld);
    public long Remedied => Councils.Sum(c => (long)c.SatisfactoryRemedies);
    public long Complied => Councils.Sum(c => (long)c.Complied);
    public long ComplianceOutcomes => Councils.Sum(c => (long)c.ComplianceOutcomes);

    /// <summary>Upheld decisions per 100,000 residents of the councils with a population estimate.</summary>
    public (long Upheld, long Population) PerHead => (Councils.Where(c => c.Population is > 0).Sum(c => (long)c.Upheld),
        Councils.Where(c => c.Population is > 0).Sum(c => c.Population!.Value));

    public string Href => $"/years/{Year}";
}

/// <summary>
/// The national picture over the years (docs/site-and-api.md): England's figures, and each category's uphold rate and volume,
/// as trend charts with the methodology breaks, and as two tables with their downloads.
/// </summary>
public static class NationalTrends
{
    public const string EnglandHref = "/years/england-trend.csv";
    public const string CategoriesHref = "/years/categories-trend.csv";

    public static readonly IReadOnlyList<string> EnglandColumns =
        ["year", "received", "investigations", "upheld", "uphold_rate", "uphold_pct", "compliance_outcomes", "complied", "compliance_rate", "compliance_pct",
         "satisfactory_remedies", "satisfactory_remedy_rate", "satisfactory_remedy_pct", "upheld_per_100k", "upheld_per_100k_text"];

    public static readonly IReadOnlyList<string> CategoryColumns = ["category", "year", "received", "investigated", "upheld", "uphold_rate", "uphold_pct"];

    /// <summary>Every published year, oldest first.</summary>
    public static IReadOnlyList<NationalYear> Years(SiteData data) =>
        data.PublishedYears().Select(p => new NationalYear(p.Year, data.Year(p.Year)!.Statistics.Values.Select(s => s.Counts).ToList(), data.Categories(p.Year))).ToList();

    public static IReadOnlyList<TrendSeries> England(IReadOnlyList<NationalYear> years) =>
    [
        new("trend-received", "Complaints and enquiries received", "England's figure", TrendScale.Amount,
            years.Select(y => new TrendPoint(y.Year, y.Received, null, null, null, $"{y.Year}: {y.Received:N0} complaints and enquiries received", y.Href)).ToList(), null),
        Proportion("trend-uphold", "Complaints upheld", years, y => (y.Upheld, y.Investigations), "detailed investigations upheld", "no detailed investigations"),
        Proportion("trend-compliance", "Compliance with recommendations", years, y => (y.Complied, y.ComplianceOutcomes),
            "compliance outcomes where the council carried out the recommendations", "no compliance outcomes"),
        Proportion("trend-satisfactory-remedy", "Satisfactory remedies provided by the council", years, y => (y.Remedied, y.Upheld),
            "upheld complaints the council had already put right", "no upheld decisions"),
        new("trend-per-100k", "Upheld complaints per 100,000 residents", "England's figure", TrendScale.Amount, years.Select(y =>
        {
            var (upheld, population) = y.PerHead;
            var figure = Figure.PerHundredThousand(upheld, population);
            var interval = PoissonInterval.PerHundredThousand(upheld, population);
            return new TrendPoint(y.Year, figure.Rate, interval?.Low, interval?.High, null,
                figure.Text is { } text ? $"{y.Year}: {text} upheld complaints per 100,000 residents" : $"{y.Year}: no population estimates", y.Href);
        }).ToList(), null, years.Any(y => y.Year.StartYear < 2022) ? "Before 2022-23 this figure is Upheld's addition, not one the ombudsman published." : null),
    ];

    /// <summary>Each category that had investigations in some year: its uphold rate against England's, and its number of investigations.</summary>
    public static IReadOnlyList<(string Category, TrendSeries Rate, TrendSeries Volume)> Categories(IReadOnlyList<NationalYear> years)
    {
        var names = years.SelectMany(y => y.Categories).Where(c => c.Investigated > 0).Select(c => c.Category).Distinct()
            .OrderBy(c => c == "Not recorded").ThenBy(c => c, StringComparer.Ordinal).ToList();
        return names.Select((name, i) =>
        {
            CategoryCounts Of(NationalYear y) => y.Categories.FirstOrDefault(c => c.Category == name) ?? new CategoryCounts(name, 0, 0, 0);
            var rate = new TrendSeries($"trend-category-{i}-rate", $"{name}: upheld", "the category's uphold rate", TrendScale.Percent, years.Select(y =>
            {
                var c = Of(y);
                var figure = Figure.Proportion(c.Upheld, c.Investigated);
                var interval = WilsonInterval.For(c.Upheld, c.Investigated);
                var england = Figure.Proportion(y.Upheld, y.Investigations);
                var label = figure.Text is { } text
                    ? $"{y.Year}: {text}, {c.Upheld:N0} of {c.Investigated:N0} investigations about {name} upheld (95% interval {Percent(interval?.Low)} to {Percent(interval?.High)}); every category {england.Text}"
                    : $"{y.Year}: no investigations about {name}";
                return new TrendPoint(y.Year, figure.Rate, interval?.Low, interval?.High, england.Rate, label, y.Href);
            }).ToList(), "England's rate over every category");
            var volume = new TrendSeries($"trend-category-{i}-volume", $"{name}: investigations", "the number of detailed investigations", TrendScale.Amount,
                years.Select(y => new TrendPoint(y.Year, Of(y).Investigated, null, null, null,
                    $"{y.Year}: {Of(y).Investigated:N0} detailed investigations about {name}, of {Of(y).Received:N0} complaints and enquiries received", y.Href)).ToList(), null);
            return (name, rate, volume);
        }).ToList();
    }

    public static void MapNationalTrends(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet(EnglandHref, (SiteData data) => Years(data) is { Count: > 0 } years
            ? Results.Bytes(CsvWriter.Build(EnglandColumns, years.Select(EnglandRow)), "text/csv; charset=utf-8") : Answers.NotFound());
        downloads.MapGet(CategoriesHref, (SiteData data) => Years(data) is { Count: > 0 } years
            ? Results.Bytes(CsvWriter.Build(CategoryColumns, CategoryRows(years)), "text/csv; charset=utf-8") : Answers.NotFound());
    }

    /// <summary>The rows of the categories table: each category, then its years, oldest first.</summary>
    public static IEnumerable<(string Category, FinancialYear Year, CategoryCounts Counts)> CategoryTable(IReadOnlyList<NationalYear> years) =>
        Categories(years).SelectMany(c => years.Select(y => (c.Category, y.Year,
            y.Categories.FirstOrDefault(x => x.Category == c.Category) ?? new CategoryCounts(c.Category, 0, 0, 0))));

    private static IEnumerable<IReadOnlyList<string?>> CategoryRows(IReadOnlyList<NationalYear> years) =>
        CategoryTable(years).Select(r =>
        {
            var rate = Figure.Proportion(r.Counts.Upheld, r.Counts.Investigated);
            return (IReadOnlyList<string?>)[r.Category, r.Year.ToString(), Whole(r.Counts.Received), Whole(r.Counts.Investigated), Whole(r.Counts.Upheld), Number(rate.Rate), rate.Text];
        });

    private static IReadOnlyList<string?> EnglandRow(NationalYear y)
    {
        var uphold = Figure.Proportion(y.Upheld, y.Investigations);
        var compliance = Figure.Proportion(y.Complied, y.ComplianceOutcomes);
        var remedy = Figure.Proportion(y.Remedied, y.Upheld);
        var perHead = Figure.PerHundredThousand(y.PerHead.Upheld, y.PerHead.Population);
        return
        [
            y.Year.ToString(), Whole(y.Received), Whole(y.Investigations), Whole(y.Upheld), Number(uphold.Rate), uphold.Text,
            Whole(y.ComplianceOutcomes), Whole(y.Complied), Number(compliance.Rate), compliance.Text,
            Whole(y.Remedied), Number(remedy.Rate), remedy.Text, Number(perHead.Rate), perHead.Text,
        ];
    }

    private static TrendSeries Proportion(string id, string title, IReadOnlyList<NationalYear> years, Func<NationalYear, (long Part, long Whole)> counts,
        string what, string none) =>
        new(id, title, "England's figure", TrendScale.Percent, years.Select(y =>
        {
            var (part, whole) = counts(y);
            var figure = Figure.Proportion(part, whole);
            var interval = WilsonInterval.For(part, whole);
            var label = figure.Text is { } text
                ? $"{y.Year}: {text}, {part:N0} of {whole:N0} {what} (95% interval {Percent(interval?.Low)} to {Percent(interval?.High)})"
                : $"{y.Year}: {none}";
            return new TrendPoint(y.Year, figure.Rate, interval?.Low, interval?.High, null, label, y.Href);
        }).ToList(), null);

    private static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
