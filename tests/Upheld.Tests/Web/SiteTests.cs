using System.Net;
using System.Text.RegularExpressions;

namespace Upheld.Tests.Web;

/// <summary>Every route of the public site: pages, lasting redirects and not-found answers.</summary>
public sealed partial class SiteTests : SiteTestBase
{
    [GeneratedRegex("<a class=\"upheld-hex [^\"]+\" href=\"(?<href>[^\"]+)\" aria-label=\"(?<label>[^\"]+)\"")]
    private static partial Regex Hex();

    [Fact]
    public async Task The_home_page_maps_every_council_of_the_latest_published_year_with_a_link_and_a_name()
    {
        var (status, body, _) = await Get("/");

        Assert.Equal(HttpStatusCode.OK, status);
        var hexes = Hex().Matches(body);
        Assert.Equal(317, hexes.Count);
        Assert.Contains(hexes, h => h.Groups["href"].Value == "/councils/E06000017/rutland/2019-20"
            && h.Groups["label"].Value == "Rutland: 100%, similar to the average of similar councils");
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/councils/E07000156/wellingborough/2019-20\">Wellingborough</a></th>", body);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", body); // script files only, never inline (CSP)
    }

    [Theory]
    [InlineData("/maps/2019-20/uphold/upper", 151, "Worcestershire: 86%")]
    [InlineData("/maps/2019-20/compliance/upper", 151, "Worcestershire: 92%")]
    [InlineData("/maps/2019-20/satisfactory-remedy/upper", 151, "Worcestershire: 16%")]
    [InlineData("/maps/2019-20/per-100k/lower", 317, "Wellingborough: 2.5")]
    public async Task Each_statistic_and_tier_has_its_map(string path, int hexes, string label)
    {
        var (status, body, _) = await Get(path);

        Assert.Equal(HttpStatusCode.OK, status);
        var matches = Hex().Matches(body);
        Assert.Equal(hexes, matches.Count);
        Assert.Contains(matches, h => h.Groups["label"].Value.StartsWith(label, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/?year=2019-20&statistic=compliance&tier=upper", "/maps/2019-20/compliance/upper")]
    [InlineData("/?statistic=per-100k", "/maps/2019-20/per-100k/lower")]
    [InlineData("/councils/E06000017", "/councils/E06000017/rutland")]
    [InlineData("/councils/E06000017?year=2019-20", "/councils/E06000017/rutland/2019-20")]
    [InlineData("/councils/E06000017/rutland-county/2019-20", "/councils/E06000017/rutland/2019-20")]
    public async Task Query_forms_and_old_slugs_move_permanently_to_the_lasting_path(string path, string location)
    {
        var (status, _, response) = await Get(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, status);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/?year=2020-21")]
    [InlineData("/?year=2019-20&statistic=happiness")]
    [InlineData("/maps/2020-21/uphold/lower")]
    [InlineData("/maps/2019-20/uphold/middle")]
    [InlineData("/maps/2019/uphold/lower")]
    [InlineData("/councils/E99999999")]
    [InlineData("/councils/E06000017?year=2020-21")]
    [InlineData("/councils/E06000017/rutland/2020-21")]
    [InlineData("/councils/E06000061/north-northamptonshire")]
    [InlineData("/no/such/page")]
    public async Task Unknown_or_unpublished_things_are_not_found_straight_away(string path)
    {
        var (status, body, _) = await Get(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", body);
    }

    [Fact]
    public async Task A_council_page_gives_each_statistic_with_its_base_average_and_comparison()
    {
        var (status, body, _) = await Get("/councils/E10000003/cambridgeshire/2019-20");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 class=\"govuk-heading-xl\">Cambridgeshire County Council</h1>", body);
        Assert.Contains("<p class=\"upheld-tile__figure\">86%</p>", body);
        Assert.Contains("12 of 14 detailed investigations upheld", body);
        Assert.Contains("9 of 9 compliance outcomes where the council carried out the recommendations", body);
        Assert.Contains("1 of 12 upheld decisions the council had already put right", body);
        Assert.Contains("Upheld&#x27;s addition: the ombudsman publishes this figure from 2022-23 onwards.", body);
        Assert.Contains("href=\"/councils/E07000008/cambridge\"", body); // its districts
    }

    [Fact]
    public async Task A_council_with_nothing_investigated_says_so_rather_than_zero()
    {
        var (_, body, _) = await Get("/councils/E07000192/cannock-chase/2019-20");

        Assert.Contains("<p class=\"upheld-tile__figure\">No detailed investigations</p>", body);
        Assert.Contains("<p class=\"upheld-tile__figure\">No compliance outcomes</p>", body);
        // No figure says 0%; the trend charts' axes do start at 0%, so they are left out of the search.
        Assert.DoesNotContain(">0%<", System.Text.RegularExpressions.Regex.Replace(body, "<svg.*?</svg>", "", System.Text.RegularExpressions.RegexOptions.Singleline));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_styles_are_cacheable()
    {
        var (_, _, page) = await Get("/");
        var (cssStatus, _, css) = await Get("/css/upheld.css");

        Assert.Equal("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, cssStatus);
        Assert.Equal("public, max-age=86400", css.Headers.CacheControl?.ToString());
    }
}

/// <summary>The year pages, the council search and the pages of fixed text.</summary>
public sealed class SitePagesTests : SiteTestBase
{
    [Theory]
    [InlineData("/about", "About the statistics")]
    [InlineData("/accessibility", "Accessibility statement")]
    [InlineData("/privacy", "Privacy")]
    [InlineData("/data", "Data and licences")]
    [InlineData("/years/2019-20", "The national picture, 2019-20")]
    [InlineData("/search", "Find a council")]
    public async Task Each_page_has_its_title_heading_and_skip_link(string path, string heading)
    {
        var response = await Site.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1 class=\"govuk-heading-xl\">{heading}</h1>", body);
        Assert.Contains("<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>", body);
        Assert.Contains("<title>", body);
    }

    [Fact]
    public async Task The_year_page_totals_the_cases_of_the_year()
    {
        var body = await Site.Client.GetStringAsync("/years/2019-20");

        // The five letters' councils: 34 upheld of 39 investigations, 4 put right by the council of 34 upheld.
        Assert.Contains("<dd class=\"govuk-summary-list__value\">34 (87%)</dd>", body);
        Assert.Contains("<dd class=\"govuk-summary-list__value\">4 (12% of upheld)</dd>", body);
        Assert.Contains("22 of 23 compliance outcomes (96%)", body);
    }

    [Fact]
    public async Task An_unpublished_year_page_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync("/years/2020-21")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_councils_by_either_name_including_abolished_ones()
    {
        var body = await Site.Client.GetStringAsync("/search?q=northamptonshire");

        Assert.Contains("<a class=\"govuk-link\" href=\"/councils/E10000021/northamptonshire\">Northamptonshire County Council</a>", body);
        Assert.Contains("<a class=\"govuk-link\" href=\"/councils/E07000152/east-northamptonshire\">East Northamptonshire Council</a>", body);
        Assert.DoesNotContain("North Northamptonshire", body); // it began in 2021-22, which is not published here
    }
}

/// <summary>Councils abolished since keep their pages for the years they existed.</summary>
public sealed class AbolishedCouncilTests
{
    [Fact]
    public async Task An_abolished_district_names_its_successor_and_links_to_its_county()
    {
        await using var site = new SiteHost();

        var body = await site.Client.GetStringAsync("/councils/E07000156/wellingborough/2019-20");

        Assert.Contains("<h2 class=\"govuk-heading-m\">Replaced on 1 April 2021 by</h2>", body);
        // North Northamptonshire began in 2021-22, which is not published here: named, but with no page to link to.
        Assert.Contains("<li>North Northamptonshire Council</li>", body);
        Assert.Contains("href=\"/councils/E10000021/northamptonshire\">Northamptonshire County Council</a>", body);
    }

    [Fact]
    public async Task A_successor_with_a_published_year_is_linked()
    {
        await using var site = new SiteHost();
        Upheld.Publishing.Publication.Set(site.Database, new FinancialYear(2021), SiteHost.PublishedAt);
        site.Clock.Now += TimeSpan.FromMinutes(1);

        var body = await site.Client.GetStringAsync("/councils/E07000156/wellingborough/2019-20");

        Assert.Contains("href=\"/councils/E06000061/north-northamptonshire\">North Northamptonshire Council</a>", body);
    }
}

/// <summary>A council page says whether its figures are the ombudsman's or generated for the demonstration.</summary>
public sealed class ProvenanceOnSiteTests
{
    [Fact]
    public async Task Published_and_synthetic_figures_are_labelled_as_such()
    {
        await using var site = new SiteHost();
        using (var connection = site.Database.Connect())
        {
            Upheld.Storage.Provenance.Record(connection,
            [
                ("E06000017", new FinancialYear(2019), Upheld.Storage.DataSource.Published, null),
                ("E06000001", new FinancialYear(2019), Upheld.Storage.DataSource.Synthetic, null),
            ]);
        }

        Assert.Contains("Published figures</strong> These are the figures the ombudsman published for 2019-20.",
            await site.Client.GetStringAsync("/councils/E06000017/rutland/2019-20"));
        Assert.Contains("Demonstration figures</strong> These figures were generated for the demonstration",
            await site.Client.GetStringAsync("/councils/E06000001/hartlepool/2019-20"));
        Assert.DoesNotContain("govuk-tag", await site.Client.GetStringAsync("/councils/E06000002/middlesbrough/2019-20"));
    }
}
