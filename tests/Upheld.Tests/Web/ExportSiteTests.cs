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
}
