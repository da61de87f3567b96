using System.Text.Json;
using Upheld.Publishing;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Web;

namespace Upheld.Tests.Publishing;

/// <summary>A council page and the API after a correction imported once 2019-20 was public (29 July 2020, the site's clock a day later).</summary>
public sealed class RevisedOnSiteTests : SiteTestBase
{
    private static readonly FinancialYear Year = new(2019);

    /// <summary>Rutland's one upheld decision (100% of 1) gains a not-upheld one: 50% of 2; the unitary average falls with it.</summary>
    private void ImportCorrection()
    {
        using var folder = new ImportFolder().With("decisions.csv",
            "case_ref,authority_code,decision_date,outcome", "CORRECTION-1,E06000017,2019-06-01,not_upheld");
        Assert.True(new Importer(Site.Database, Site.Clock).Import(folder.Path).Succeeded);
        Site.Clock.Now += TimeSpan.FromMinutes(1); // past the site's 15-second cache
    }

    [Fact]
    public async Task A_page_shows_no_revision_until_the_data_changes()
    {
        var (_, page, _) = await Get("/councils/E06000017/rutland/2019-20");
        var (_, api, _) = await Get("/api/v1/authorities/E06000017/statistics");

        Assert.DoesNotContain("Revised", page);
        Assert.DoesNotContain("as_published", api);
    }

    [Fact]
    public async Task A_revised_council_page_shows_the_date_and_the_published_and_revised_figures_side_by_side()
    {
        ImportCorrection();
        var (_, page, _) = await Get("/councils/E06000017/rutland/2019-20");

        Assert.Contains("Revised on 30 July 2020", page);
        Assert.Contains("published on 29 July 2020", page);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header\">As published</th>", page);
        Assert.Contains(
            "<th scope=\"row\" class=\"govuk-table__header\">Complaints upheld</th>\n                    <td class=\"govuk-table__cell\">100% (1 of 1 detailed investigation)</td>\n                    <td class=\"govuk-table__cell\">50% (1 of 2 detailed investigations)</td>",
            page.Replace("\r\n", "\n"));
        Assert.Contains("<td class=\"govuk-table__cell\">3</td>", page);  // decided: 1 upheld + 2 other, then 4
        Assert.Contains("<td class=\"govuk-table__cell\">4</td>", page);
        Assert.DoesNotContain("Compliance with recommendations</th>\n                    <td", page.Replace("\r\n", "\n")); // unchanged rows are left out
    }

    [Fact]
    public async Task Councils_whose_figures_did_not_change_show_no_revision()
    {
        ImportCorrection();
        var (_, county, _) = await Get("/councils/E10000034/worcestershire/2019-20");
        Assert.DoesNotContain("Revised", county);
    }

    [Fact]
    public async Task The_api_gives_the_revised_record_with_the_date_and_the_record_as_published()
    {
        ImportCorrection();
        var (_, api, _) = await Get("/api/v1/authorities/E06000017/statistics");
        var (_, year, _) = await Get("/api/v1/statistics?year=2019-20");

        var record = JsonDocument.Parse(api).RootElement.EnumerateArray().Single(r => r.GetProperty("year").GetString() == "2019-20");
        Assert.Equal("50%", record.GetProperty("uphold_pct").GetString());
        Assert.Equal("2020-07-30", record.GetProperty("revised_on").GetString());
        var published = record.GetProperty("as_published");
        Assert.Equal("100%", published.GetProperty("uphold_pct").GetString());
        Assert.Equal(1, published.GetProperty("investigations").GetInt64());
        Assert.Equal("100%", published.GetProperty("average").GetProperty("uphold_pct").GetString());
        Assert.DoesNotContain("as_published", year);
    }

    [Fact]
    public async Task A_letter_published_before_the_change_stays_as_published_with_a_note_on_the_page()
    {
        // Staff approve Rutland's letter, then the year is published: the snapshot keeps the letter.
        Publication.Set(Site.Database, Year, null, Site.Clock);
        using (var connection = Site.Database.Connect())
        {
            var letter = YearLetters.Compose(connection, Year, EditionCatalog.Load(), "E06000017").Single();
            LetterReview.Approve(connection, "E06000017", Year, letter.ContentHash, SiteHost.PublishedAt.AddDays(-7));
        }
        Publication.Set(Site.Database, Year, SiteHost.PublishedAt, new TestClock(SiteHost.PublishedAt.AddDays(-1)));
        var before = await (await Site.Client.GetAsync("/councils/E06000017/letters/2019-20.html")).Content.ReadAsStringAsync();

        ImportCorrection();
        var after = await (await Site.Client.GetAsync("/councils/E06000017/letters/2019-20.html")).Content.ReadAsStringAsync();
        var (_, page, _) = await Get("/councils/E06000017/rutland/2019-20");

        Assert.Contains("Rutland County Council", before);
        Assert.Equal(before, after);
        Assert.Contains("The letter is kept as published; the data it was written from has been revised since", page);
    }
}
