using System.Net;

namespace Upheld.Tests.Web;

/// <summary>The decision pages and the decision search on the public site, over the five 2020 letters' cases.</summary>
public sealed class DecisionPagesTests : IAsyncLifetime
{
    private SiteHost _site = null!;

    public Task InitializeAsync()
    {
        _site = new SiteHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        using var response = await _site.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_decision_page_names_the_council_the_outcome_the_date_and_the_statement()
    {
        var (status, body) = await Get("/decisions/E10000034-001");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a class=\"govuk-link\" href=\"/councils/E10000034/worcestershire/2019-20\">Worcestershire County Council</a>", body);
        Assert.Contains("Upheld; the council had already provided a satisfactory remedy", body);
        Assert.Contains("10 April 2019", body);
        Assert.Contains("We found fault, and the council agreed to apologise.", body);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", body);
    }

    [Fact]
    public async Task Council_pages_link_each_upheld_decision_to_its_page()
    {
        var (_, body) = await Get("/councils/E10000034/worcestershire/2019-20");

        Assert.Contains("<a class=\"govuk-link\" href=\"/decisions/E10000034-001\">E10000034-001</a>", body);
    }

    [Fact]
    public async Task The_search_lists_twenty_a_page_and_links_to_the_next_and_previous_pages()
    {
        var (status, body) = await Get("/decisions?q=apologise&council=E10000034");
        var (_, first) = await Get("/decisions?council=E10000034");
        var (_, second) = await Get("/decisions?council=E10000034&page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("19 decisions", body);
        Assert.Contains("<option value=\"E10000034\" selected>Worcestershire</option>", body);
        Assert.Contains("65 decisions", (await Get("/decisions?page=1")).Body);
        var empty = (await Get("/decisions")).Body;
        Assert.Contains("<form method=\"get\" action=\"/decisions\"", empty);
        Assert.DoesNotContain("id=\"results\"", empty);
        Assert.Contains(">4 decisions<", (await Get("/decisions?q=apologise&council=E10000034&outcome=upheld&from=2019-04-01&to=2019-04-30")).Body);
        Assert.Contains("0 decisions", (await Get("/decisions?q=school")).Body);
        Assert.Contains("href=\"/decisions?council=E10000034&amp;page=2\" rel=\"next\"", first);
        Assert.Contains("href=\"/decisions?council=E10000034\" rel=\"prev\"", second);
        Assert.Contains("Page 2 of 2", second);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_explained_not_ignored_silently()
    {
        var (status, body) = await Get("/decisions?from=yesterday");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The first decision date must be a date such as 2019-07-31", body);
    }

    [Fact]
    public async Task Sums_of_money_in_remedies_are_written_in_pounds()
    {
        using (var folder = new Upheld.Tests.Import.ImportFolder()
                   .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,summary", "M1,E06000017,2019-09-01,upheld,A payment.")
                   .With("recommendations.csv", "case_ref,authority_code,kind,text,amount_gbp", "M1,E06000017,personal,Pay Mr C,1250", "M1,E06000017,personal,Pay Mrs D,150.50"))
        {
            Assert.True(new Upheld.Import.Importer(_site.Database).Import(folder.Path).Succeeded);
        }
        _site.Clock.Now += TimeSpan.FromMinutes(1);

        var (status, body) = await Get("/decisions/M1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Pay Mr C (£1,250)", System.Net.WebUtility.HtmlDecode(body));
        Assert.Contains("Pay Mrs D (£150.50)", System.Net.WebUtility.HtmlDecode(body));
    }

    [Fact]
    public async Task Words_too_common_to_search_for_are_named_on_the_page()
    {
        var (_, onlyCommon) = await Get("/decisions?q=the+of");
        var (_, mixed) = await Get("/decisions?q=the+apologise&council=E10000034");

        Assert.Contains("0 decisions", onlyCommon);
        Assert.Contains("Not searched for, as too common: <strong>the</strong>, <strong>of</strong>. Try a word", onlyCommon);
        Assert.Contains("19 decisions", mixed);
        Assert.Contains("Not searched for, as too common: <strong>the</strong>.</p>", mixed);
    }

    [Theory]
    [InlineData("/decisions/NO-SUCH-CASE")]
    [InlineData("/decisions?q=apologise&page=9")]
    [InlineData("/decisions?page=0")]
    [InlineData("/decisions?page=two")]
    public async Task Unknown_decisions_and_pages_are_not_found(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get(path)).Status);
    }

    [Fact]
    public async Task Before_publication_no_decision_is_shown_or_found()
    {
        await using var unpublished = new SiteHost(publish: false);

        Assert.Equal(HttpStatusCode.NotFound, (await unpublished.Client.GetAsync("/decisions/E10000034-001")).StatusCode);
        Assert.Contains("0 decisions", await (await unpublished.Client.GetAsync("/decisions?q=apologise")).Content.ReadAsStringAsync());
    }
}
