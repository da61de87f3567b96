using Microsoft.Playwright;
using Upheld.Tests.Demo;

namespace Upheld.Tests.Web.Browser;

/// <summary>The demonstration site in a browser, for pages that need every council: the funnel plots as drawn.</summary>
public sealed class DemoBrowserSession(DemoDatabase demo) : BrowserSession
{
    protected override SiteHost CreateSite() => new(demo.Database, DateTimeOffset.UtcNow, live: true);
}

/// <summary>What a reader sees of the funnel plots: every limit curve drawn, on its side of the average.</summary>
[Collection(DemoDatabase.Collection)]
public sealed class FunnelsInBrowserTests(DemoDatabase demo) : IAsyncLifetime
{
    private readonly DemoBrowserSession _session = new(demo);

    public Task InitializeAsync() => _session.InitializeAsync();

    public Task DisposeAsync() => _session.DisposeAsync();

    // Each stretch of each limit curve as the browser parsed it: a polyline whose points do not parse is dropped whole.
    private const string Drawn = """
        () => {
          const target = document.querySelector('polyline.upheld-funnel__target');
          const targetY = target && target.points.numberOfItems > 0 ? target.points.getItem(0).y : null;
          return { targetY, curves: [...document.querySelectorAll('polyline[data-limit]')].map(p => ({
            kind: p.getAttribute('data-limit'),
            written: p.getAttribute('points').trim().split(/\s+/).length,
            ys: Array.from({ length: p.points.numberOfItems }, (_, i) => p.points.getItem(i).y),
          })) };
        }
        """;

    [SkippableFact]
    public async Task Every_compare_page_of_2023_24_draws_both_limits_above_and_below_the_average()
    {
        var statistics = new[] { "uphold", "compliance", "per-100k" };
        var adjustments = new[] { "", "/multiplicative", "/additive" };
        var checkedPages = 0;
        foreach (var (type, _, _) in Upheld.Web.Compare.CompareChoice.Types)
            foreach (var statistic in statistics)
                foreach (var adjustment in adjustments)
                {
                    var path = $"/compare/{type}/2023-24/{statistic}{adjustment}";
                    var page = await _session.OpenAsync(path, javaScript: true);
                    var drawn = await page.EvaluateAsync<DrawnFunnel>(Drawn);
                    if (checkedPages == 0)
                        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "compare-2023-24-limits.png"), FullPage = true });
                    await page.Context.CloseAsync();

                    Assert.True(drawn.TargetY is not null, $"{path}: no average line");
                    foreach (var kind in new[] { "Low998", "Low95", "High95", "High998" })
                        Assert.True(drawn.Curves.Any(c => c.Kind == kind), $"{path}: no {kind} curve drawn");
                    foreach (var curve in drawn.Curves)
                    {
                        // Every point written was parsed: none was dropped as not a number.
                        Assert.True(curve.Written == curve.Ys.Length && curve.Ys.Length > 1, $"{path}: a {curve.Kind} curve drew {curve.Ys.Length} of {curve.Written} points");
                        // SVG's y grows downwards: an upper limit lies at or above the average line, a lower one at or below.
                        var wrongSide = curve.Kind.StartsWith("High", StringComparison.Ordinal)
                            ? curve.Ys.Where(y => y > drawn.TargetY + 0.05) : curve.Ys.Where(y => y < drawn.TargetY - 0.05);
                        Assert.True(!wrongSide.Any(), $"{path}: a {curve.Kind} curve crosses the average line at y = {wrongSide.FirstOrDefault()} (average {drawn.TargetY})");
                    }
                    checkedPages++;
                }
        Assert.Equal(45, checkedPages);
    }

    // Playwright fills these from the page's answer, so they need setters.
    private sealed class DrawnCurve
    {
        public string Kind { get; set; } = "";
        public int Written { get; set; }
        public double[] Ys { get; set; } = [];
    }

    private sealed class DrawnFunnel
    {
        public double? TargetY { get; set; }
        public DrawnCurve[] Curves { get; set; } = [];
    }
}
