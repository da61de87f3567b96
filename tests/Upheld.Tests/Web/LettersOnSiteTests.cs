using System.Net;
using Upheld.Letters;

namespace Upheld.Tests.Web;

/// <summary>Annual letters on the site: only approved letters of published years, as HTML and as PDF.</summary>
public sealed class LettersOnSiteTests
{
    private static void Approve(SiteHost site, string code)
    {
        using var connection = site.Database.Connect();
        var editions = EditionCatalog.Load();
        var letter = YearLetters.Compose(connection, new FinancialYear(2019), editions, code).Single();
        LetterReview.Approve(connection, code, new FinancialYear(2019), letter.ContentHash, SiteHost.PublishedAt.AddDays(-7));
    }

    [Fact]
    public async Task An_unapproved_letter_is_not_on_the_site()
    {
        await using var site = new SiteHost();

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/councils/E06000017/letters/2019-20.html")).StatusCode);
        Assert.Contains("No annual review letter has been published for this council.", await site.Client.GetStringAsync("/councils/E06000017/rutland/2019-20"));
    }

    [Fact]
    public async Task An_approved_letter_is_linked_from_the_council_page_and_served_as_a_web_page()
    {
        await using var site = new SiteHost();
        Approve(site, "E06000017");

        var page = await site.Client.GetStringAsync("/councils/E06000017/rutland/2019-20");
        var letter = await site.Client.GetAsync("/councils/E06000017/letters/2019-20.html");
        var html = await letter.Content.ReadAsStringAsync();

        Assert.Contains("href=\"/councils/E06000017/letters/2019-20.pdf\"", page);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Contains("Annual Review letter 2020", html);
        Assert.Contains("Rutland County Council", html);
        Assert.DoesNotContain("script-src", letter.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/councils/E06000017/letters/2020-21.html")]
    [InlineData("/councils/E06000017/letters/2019-20.doc")]
    [InlineData("/councils/E99999999/letters/2019-20.html")]
    [InlineData("/councils/E06000061/letters/2019-20.pdf")]
    public async Task Letters_of_unknown_or_unpublished_things_are_not_found(string path)
    {
        await using var site = new SiteHost();
        Approve(site, "E06000017");

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync(path)).StatusCode);
    }

    [SkippableFact]
    public async Task The_PDF_is_printed_once_and_then_served_from_the_store()
    {
        Skip.If(!File.Exists("/usr/bin/chromium") && Environment.GetEnvironmentVariable("CI") != "true", "Chromium is not installed (./test installs it)");
        await using var site = new SiteHost();
        Approve(site, "E06000017");

        var first = await site.Client.GetByteArrayAsync("/councils/E06000017/letters/2019-20.pdf");
        var second = await site.Client.GetByteArrayAsync("/councils/E06000017/letters/2019-20.pdf");

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(first, 0, 4));
        Assert.Equal(first, second);
        using var connection = site.Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM letter_renders";
        Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar()));
    }
}
