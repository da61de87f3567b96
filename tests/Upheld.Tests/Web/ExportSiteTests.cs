using Microsoft.Extensions.DependencyInjection;
using Upheld.Web;

namespace Upheld.Tests.Web;

/// <summary>The site as <c>upheld export</c> builds it: every page asked for once, so nothing prepared, the figures read once.</summary>
public sealed class ExportSiteTests
{
    [Fact]
    public async Task The_export_site_prepares_no_page_keeps_its_figures_for_the_run_and_answers_the_served_site_s_bytes()
    {
        await using var served = new SiteHost();
        await using var export = new SiteHost(served.Database, served.Clock.Now, forExport: true);
        const string page = "/councils/E10000034/worcestershire/2019-20";
        var year = new FinancialYear(2019);
        var figures = export.Services.GetRequiredService<SiteData>().Year(year)!.Statistics;
        var servedFigures = served.Services.GetRequiredService<SiteData>().Year(year)!.Statistics;

        var exported = await export.Client.GetByteArrayAsync(page);
        Assert.Equal(await served.Client.GetByteArrayAsync(page), exported);
        Assert.Equal(exported, await export.Client.GetByteArrayAsync(page));
        Assert.Equal(0, export.Services.GetRequiredService<PreparedPages>().Renderings);
        Assert.Equal(1, served.Services.GetRequiredService<PreparedPages>().Renderings);

        // Past the 15 s the served site keeps a figure: it computes the year again, the export uses its first reading.
        export.Clock.Now += SiteData.Freshness * 4;
        served.Clock.Now += SiteData.Freshness * 4;
        Assert.Same(figures, export.Services.GetRequiredService<SiteData>().Year(year)!.Statistics);
        Assert.NotSame(servedFigures, served.Services.GetRequiredService<SiteData>().Year(year)!.Statistics);
    }

    [Fact]
    public async Task What_the_export_reads_at_once_or_keeps_gives_the_served_site_s_bytes()
    {
        string[] paths =
        [
            // Read a year at a time for the export: upheld decisions, a council's cases (its page lists them, its download too).
            "/decisions/E10000034-001", "/decisions/E06000017-001",
            "/decisions/E10000034-020", // not upheld: read on its own
            "/councils/E06000017/rutland/2019-20", "/councils/E10000034/worcestershire/2019-20/decisions.csv",
            // A funnel worked out once for the page and its download.
            "/compare/county/2019-20/uphold/multiplicative", "/compare/county/2019-20/uphold/multiplicative.csv", "/compare/county/2019-20/case-mix.csv",
        ];
        await using var served = new SiteHost();
        await using var export = new SiteHost(served.Database, served.Clock.Now, forExport: true);
        foreach (var path in paths)
        {
            var answer = await served.Client.GetAsync(path);
            Assert.True(answer.StatusCode == System.Net.HttpStatusCode.OK, $"{path}: {answer.StatusCode}");
            var body = await answer.Content.ReadAsByteArrayAsync();
            var first = await export.Client.GetByteArrayAsync(path);
            // Asked again (the page after its download, or the reverse), from what the export kept.
            var again = await export.Client.GetByteArrayAsync(path);
            Assert.True(body.SequenceEqual(first) && body.SequenceEqual(again), $"{path}: the export's answer differs from the served site's");
        }
    }
}
