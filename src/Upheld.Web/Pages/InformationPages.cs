using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Upheld.Web.Pages;

/// <summary>The pages of fixed text (<c>/about</c>, <c>/accessibility</c>, <c>/privacy</c>, <c>/data</c>), the year pages and the council search.</summary>
public static class InformationPages
{
    private static string Detail(Upheld.Authorities.Authority a) =>
        a.ValidTo is { } end ? $"{Upheld.Authorities.AuthorityTypes.DisplayName(a.Type)}, until {end.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : Upheld.Authorities.AuthorityTypes.DisplayName(a.Type);

    public static void MapInformation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/about", (SiteData data) => Answers.Page<AboutPage, FixedPageModel>(new(data.IsDemonstration, data.LatestYear()?.PublishedAt)));
        app.MapGet("/accessibility", (SiteData data) => Answers.Page<AccessibilityPage, FixedPageModel>(new(data.IsDemonstration, data.LatestYear()?.PublishedAt)));
        app.MapGet("/privacy", (SiteData data) => Answers.Page<PrivacyPage, FixedPageModel>(new(data.IsDemonstration, data.LatestYear()?.PublishedAt)));
        app.MapGet("/api", (SiteData data) => Answers.Page<ApiReferencePage, FixedPageModel>(new(data.IsDemonstration, data.LatestYear()?.PublishedAt)));
        app.MapGet("/data", (SiteData data) => Answers.Page<DataPage, DataPageModel>(new(data.PublishedYears().Select(p => p.Year).ToList(), data.IsDemonstration, data.LatestYear()?.PublishedAt)));

        app.MapGet("/years/{year}", (string year, SiteData data) =>
        {
            if (!FinancialYear.TryParse(year, out var y) || data.Year(y.Value) is not { } published) return Answers.NotFound();
            var years = NationalTrends.Years(data);
            return Answers.Page<YearPage, YearPageModel>(new(published, data.Categories(y.Value), data.IsDemonstration,
                years, NationalTrends.England(years), NationalTrends.Categories(years)));
        });

        app.MapGet("/search", (string? q, SiteData data) =>
        {
            var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
            var published = data.PublishedYears().Select(p => p.Year).ToList();
            var results = query is null ? [] : data.Authorities
                .Where(a => published.Any(a.ExistsIn))
                .Where(a => a.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || a.OfficialName.Contains(query, StringComparison.OrdinalIgnoreCase))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => (a.OfficialName, Detail(a), CouncilLinks.Page(a.Code, a.Name)))
                .ToList();
            return Answers.Page<SearchPage, SearchPageModel>(new(query, results, data.IsDemonstration, data.LatestYear()?.PublishedAt));
        });
    }
}
