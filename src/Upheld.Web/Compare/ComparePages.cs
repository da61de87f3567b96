using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Statistics.Funnels;
using Upheld.Web.Map;

namespace Upheld.Web.Compare;

/// <summary>One council on a compare page: its printed figure, denominator and place against the limits.</summary>
public sealed record CompareRow(FunnelPoint Point, string Href, string Figure, string Denominator)
{
    /// <summary>The accessible name and tooltip: "Worcestershire: 86% of 14, within the limits".</summary>
    public string Label => $"{Point.Name}: {Figure} of {Denominator}, {CompareChoice.Words(Point.Position)}";
}

/// <summary>Funnel plots comparing the councils of one type: <c>/compare/{type}/{year}/{statistic}[/{adjustment}]</c>.</summary>
public static class ComparePages
{
    public static void MapCompare(this IEndpointRouteBuilder app)
    {
        // Query forms (?adjustment=additive) answer with the lasting path, so a static copy of the site works.
        app.MapGet("/compare/{type}/{year}/{statistic}", (string type, string year, string statistic, HttpRequest request, SiteData data) =>
        {
            var adjustment = request.Query["adjustment"].ToString();
            if (adjustment.Length == 0) return Answer(data, type, year, statistic, null);
            return Resolve(data, type, year, statistic, adjustment) is { } found
                ? Answers.MovedTo(CompareChoice.Path(found.Type, found.Year.Year, found.Statistic, found.Adjustment))
                : Answers.NotFound();
        });
        app.MapGet("/compare/{type}/{year}/{statistic}/{adjustment}", (string type, string year, string statistic, string adjustment, SiteData data) =>
            Answer(data, type, year, statistic, adjustment));

        var downloads = app.MapGroup("").AddEndpointFilter(Api.OpenDataApi.WithLicence);
        downloads.MapGet("/compare/{type}/{year}/{statistic}.csv", (string type, string year, string statistic, SiteData data) =>
            Resolve(data, type, year, statistic, null) is { } found ? Csv(data, found) : Answers.NotFound());
        downloads.MapGet("/compare/{type}/{year}/{statistic}/{adjustment}.csv", (string type, string year, string statistic, string adjustment, SiteData data) =>
            Resolve(data, type, year, statistic, adjustment) is { } found ? Csv(data, found) : Answers.NotFound());
    }

    private static IResult Answer(SiteData data, string type, string year, string statistic, string? adjustment) =>
        Resolve(data, type, year, statistic, adjustment) is { } found ? Render(data, found) : Answers.NotFound();

    private static (AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment)? Resolve(
        SiteData data, string type, string year, string statistic, string? adjustment)
    {
        if (CompareChoice.Type(type) is not { } authorityType || MapStatistic.Find(statistic) is not { } found) return null;
        Overdispersion? over = adjustment is null ? Overdispersion.None : CompareChoice.Adjustment(adjustment);
        if (over is null) return null;
        if (!FinancialYear.TryParse(year, out var financialYear) || data.Year(financialYear.Value) is not { } published) return null;
        return (authorityType, published, found, over.Value);
    }

    private static IResult Csv(SiteData data, (AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page) =>
        page.Statistic.IsCaseMix ? CompareDownload.CaseMixCsv(page, CaseMixPlot(data, page))
            : CompareDownload.Csv(page, Plot(data, page), page.Statistic.In(data, page.Year));

    // The page and its download draw the same funnel: the export, which asks for both, works it out once.
    private static Upheld.Signals.CaseMixFunnel CaseMixPlot(SiteData data, (AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page) =>
        data.KeptForExport($"compare:{page.Type}:{page.Year.Year}:{page.Statistic.Slug}:{page.Adjustment}", () =>
            Upheld.Signals.CaseMixFunnel.Compute(data.CaseMix(page.Year.Year)!.Councils.Where(c => c.Type == page.Type), page.Adjustment));

    private static IResult RenderCaseMix(SiteData data, (AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page)
    {
        var funnel = CaseMixPlot(data, page);
        var rows = funnel.Points.Select(p => new CaseMixCompareRow(p, CouncilLinks.Page(p.Code, p.Name, page.Year.Year))).ToList();
        return Answers.Page<CaseMixComparePage, CaseMixComparePageModel>(new(page.Type, page.Year, page.Statistic, page.Adjustment, new CaseMixChart(funnel), rows,
            data.CaseMix(page.Year.Year)!.TypeRatio(page.Type), data.IsDemonstration));
    }

    private static FunnelPlot Plot(SiteData data, (AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page) =>
        data.KeptForExport($"compare:{page.Type}:{page.Year.Year}:{page.Statistic.Slug}:{page.Adjustment}", () =>
            page.Statistic.Funnel(data, page.Year, page.Type, page.Adjustment));

    private static IResult Render(SiteData data, (AuthorityType Type, PublishedYear Year, MapStatistic Statistic, Overdispersion Adjustment) page)
    {
        if (page.Statistic.IsCaseMix) return RenderCaseMix(data, page);
        var funnel = Plot(data, page);
        var perHead = page.Statistic.IsPerHead;
        var of = page.Statistic.In(data, page.Year);
        var rows = funnel.Points.Select(p =>
        {
            var figure = of(p.Code).Statistic.Value.Text ?? "";
            var denominator = p.Denominator.ToString("N0", CultureInfo.InvariantCulture);
            return new CompareRow(p, CouncilLinks.Page(p.Code, p.Name, page.Year.Year),
                perHead ? figure + " per 100,000" : figure, perHead ? denominator + " residents" : denominator);
        }).ToList();
        return Answers.Page<ComparePage, ComparePageModel>(new(page.Type, page.Year, page.Statistic, page.Adjustment, new FunnelChart(funnel), rows, data.IsDemonstration));
    }
}
