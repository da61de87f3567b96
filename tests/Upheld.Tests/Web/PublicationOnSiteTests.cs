using System.Net;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Tests.Web;

/// <summary>A year is invisible on the site until its publication time, then appears without a restart.</summary>
public sealed class PublicationOnSiteTests
{
    [Fact]
    public async Task A_year_appears_when_its_time_comes_and_not_a_moment_before()
    {
        await using var site = new SiteHost();
        site.Clock.Now = SiteHost.PublishedAt.AddMinutes(-1);

        var before = await site.Client.GetAsync("/councils/E06000017/rutland/2019-20");
        var homeBefore = await (await site.Client.GetAsync("/")).Content.ReadAsStringAsync();
        site.Clock.Now = SiteHost.PublishedAt.AddMinutes(1);
        var after = await site.Client.GetAsync("/councils/E06000017/rutland/2019-20");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("No year's figures have been published yet.", homeBefore);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_year_disappears()
    {
        await using var site = new SiteHost();
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/maps/2019-20/uphold/lower")).StatusCode);

        Publication.Set(site.Database, new FinancialYear(2019), null);
        site.Clock.Now += TimeSpan.FromMinutes(1); // past the site's brief cache

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/maps/2019-20/uphold/lower")).StatusCode);
    }
}
