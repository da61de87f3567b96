using System.Net;
using System.Text.RegularExpressions;

namespace Upheld.Tests.Web;

/// <summary>The compare pages: funnel plots of one statistic for the councils of one type in a published year.</summary>
public sealed partial class CompareTests : SiteTestBase
{
    [GeneratedRegex("<a class=\"upheld-funnel__point[^\"]*\" href=\"(?<href>[^\"]+)\" aria-label=\"(?<label>[^\"]+)\"")]
    private static partial Regex Point();

    [Theory]
    [InlineData("/compare/county/2019-20/uphold", 2, "/councils/E10000034/worcestershire/2019-20", "Worcestershire: 86% of 22, within the limits")]
    [InlineData("/compare/county/2019-20/uphold", 2, "/councils/E10000003/cambridgeshire/2019-20", "Cambridgeshire: 86% of 14, within the limits")]
    [InlineData("/compare/county/2019-20/uphold/additive", 2, "/councils/E10000034/worcestershire/2019-20", "Worcestershire: 86% of 22, within the limits")]
    [InlineData("/compare/unitary/2019-20/uphold", 1, "/councils/E06000017/rutland/2019-20", "Rutland: 100% of 1, within the limits")]
    [InlineData("/compare/district/2019-20/per-100k/multiplicative", 192, "/councils/E07000156/wellingborough/2019-20", "Wellingborough: 2.5 per 100,000 of ")]
    public async Task A_compare_page_plots_each_council_with_a_rate_as_a_named_link(string path, int points, string href, string label)
    {
        var (status, body, _) = await Get(path);

        Assert.Equal(HttpStatusCode.OK, status);
        var matches = Point().Matches(body);
        Assert.Equal(points, matches.Count);
        Assert.Contains(matches, p => p.Groups["href"].Value == href && p.Groups["label"].Value.StartsWith(label, StringComparison.Ordinal));
        Assert.Contains("class=\"upheld-funnel__limit95\"", body);
        Assert.Contains("class=\"upheld-funnel__limit998\"", body);
        Assert.Contains("<h2 class=\"govuk-heading-m\">Councils outside the limits</h2>", body);
        Assert.Contains("The councils in a table", body);
        Assert.DoesNotContain("<script>", body);
    }

    [Fact]
    public async Task A_type_with_nothing_to_count_says_so_instead_of_plotting()
    {
        var (status, body, _) = await Get("/compare/london-borough/2019-20/compliance");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Point().Matches(body));
        Assert.Contains("there is nothing to plot", body);
    }

    [Theory]
    [InlineData("/compare/county/2019-20/uphold?adjustment=additive", "/compare/county/2019-20/uphold/additive")]
    [InlineData("/compare/district/2019-20/per-100k?adjustment=multiplicative", "/compare/district/2019-20/per-100k/multiplicative")]
    public async Task The_adjustment_asked_as_a_query_moves_permanently_to_its_path(string path, string location)
    {
        var (status, _, response) = await Get(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/compare/parish/2019-20/uphold")]
    [InlineData("/compare/county/2020-21/uphold")]
    [InlineData("/compare/county/2019/uphold")]
    [InlineData("/compare/county/2019-20/happiness")]
    [InlineData("/compare/county/2019-20/uphold/sideways")]
    [InlineData("/compare/county/2019-20/uphold?adjustment=sideways")]
    [InlineData("/compare/county/2020-21/uphold?adjustment=additive")]
    public async Task Unknown_types_statistics_adjustments_or_unpublished_years_are_not_found(string path)
    {
        var (status, _, _) = await Get(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task An_unpublished_year_has_no_compare_page()
    {
        await using var unpublished = new SiteHost(publish: false);

        var response = await unpublished.Client.GetAsync("/compare/county/2019-20/uphold");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_map_links_to_the_compare_page_of_its_statistic()
    {
        var (_, body, _) = await Get("/maps/2019-20/compliance/upper");

        Assert.Contains("href=\"/compare/county/2019-20/compliance\"", body);
    }
}
