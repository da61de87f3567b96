using System.Net;
using System.Net.Http.Headers;

namespace Upheld.Tests.Web;

/// <summary>Pages and data carry validators, so a client that has a page already is told so instead of sent it again.</summary>
public sealed class CachingTests
{
    [Theory]
    [InlineData("/councils/E06000017/rutland/2019-20")]
    [InlineData("/api/v1/statistics?year=2019-20")]
    public async Task A_page_or_data_answer_has_an_ETag_and_a_matching_request_gets_304(string path)
    {
        await using var site = new SiteHost();

        var first = await site.Client.GetAsync(path);
        var tag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag!);
        var second = await site.Client.SendAsync(again);

        Assert.NotNull(tag);
        Assert.True(tag!.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_changed_page_has_a_new_ETag()
    {
        await using var site = new SiteHost();
        var before = (await site.Client.GetAsync("/maps/2019-20/uphold/lower")).Headers.ETag;

        Upheld.Publishing.Publication.Set(site.Database, new FinancialYear(2018), SiteHost.PublishedAt);
        site.Clock.Now += TimeSpan.FromMinutes(1);
        var after = (await site.Client.GetAsync("/maps/2019-20/uphold/lower")).Headers.ETag;

        Assert.NotEqual(before, after); // the page now links to 2018-19 as well
    }

    [Theory]
    [InlineData("/councils/E10000034/worcestershire/2019-20", "/councils/e10000034/worcestershire/2019-20")]
    [InlineData("/councils/E10000034/worcestershire/2019-20", "/councils/E10000034/WORCESTERSHIRE/2019-20")]
    [InlineData("/councils/E10000034/worcestershire", "/councils/E10000034/Worcestershire")]
    [InlineData("/maps/2019-20/uphold/lower", "/maps/2019-20/UPHOLD/lower")]
    public async Task An_address_written_in_another_case_gets_the_same_answer_whether_or_not_its_usual_form_was_just_asked_for(string usual, string otherCase)
    {
        await using var fresh = new SiteHost();
        await using var warmed = new SiteHost();

        var alone = await Answer(fresh, otherCase);
        await warmed.Client.GetAsync(usual);
        var afterUsual = await Answer(warmed, otherCase);

        Assert.Equal(alone, afterUsual);
    }

    private static async Task<(HttpStatusCode Status, string? Location, string Body)> Answer(SiteHost site, string path)
    {
        var response = await site.Client.GetAsync(path);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }
}
