using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Maps;
using Upheld.Web.Pages;

namespace Upheld.Web.Map;

/// <summary>The home page and the maps: <c>/</c> and <c>/maps/{year}/{statistic}/{tier}</c>.</summary>
public static class MapPages
{
    public static void MapMaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpRequest request, SiteData data) =>
        {
            // The plain form on the map asks with a query; answer with the lasting path, after checking it exists.
            if (request.Query.ContainsKey("year") || request.Query.ContainsKey("statistic") || request.Query.ContainsKey("tier"))
            {
                var year = request.Query["year"].ToString() is { Length: > 0 } y ? y : data.LatestYear()?.Year.ToString();
                var statistic = request.Query["statistic"].ToString() is { Length: > 0 } s ? s : "uphold";
                var tier = request.Query["tier"].ToString() is { Length: > 0 } t ? t : "lower";
                return Resolve(data, year, statistic, tier) is null ? Answers.NotFound() : Answers.MovedTo($"/maps/{year}/{statistic}/{tier}");
            }
            var latest = data.LatestYear();
            return latest is null ? Answers.Page<NothingPublishedPage>() : Render(data, latest, MapStatistic.All[0], MapTier.Lower);
        });

        app.MapGet("/maps/{year}/{statistic}/{tier}", (string year, string statistic, string tier, SiteData data) =>
            Resolve(data, year, statistic, tier) is { } found ? Render(data, found.Year, found.Statistic, found.Tier) : Answers.NotFound());
    }

    private static (PublishedYear Year, MapStatistic Statistic, MapTier Tier)? Resolve(SiteData data, string? year, string statistic, string tier)
    {
        if (!FinancialYear.TryParse(year, out var financialYear) || data.Year(financialYear.Value) is not { } published) return null;
        if (MapStatistic.Find(statistic) is not { } found) return null;
        MapTier? mapTier = tier switch { "lower" => MapTier.Lower, "upper" => MapTier.Upper, _ => null };
        return mapTier is null ? null : (published, found, mapTier.Value);
    }

    private static IResult Render(SiteData data, PublishedYear year, MapStatistic statistic, MapTier tier)
    {
        var layout = HexLayouts.For(year.Year, tier, data.Authorities);
        var of = statistic.In(data, year);
        var cells = layout.Cells.Select(hex =>
        {
            var statistics = year.Statistics[hex.Code];
            var figure = of(hex.Code).Statistic;
            return (new MapCell(hex.Code, statistics.Name, CouncilLinks.Page(statistics.Code, statistics.Name, year.Year), figure.Value.Text, figure.Comparison, statistic.IsCaseMix), hex);
        }).ToList();
        return Answers.Page<MapPage, MapPageModel>(new(year, data.PublishedYears(), statistic, tier, new HexGeometry(layout), cells, data.IsDemonstration));
    }
}
