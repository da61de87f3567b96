using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Upheld.Tests.Demo;

namespace Upheld.Tests.Web.Browser;

/// <summary>The demonstration site in a browser, for pages that need every council: the funnel plots as drawn.</summary>
public sealed class DemoBrowserSession(DemoDatabase demo) : BrowserSession
{
    protected override SiteHost CreateSite() => new(demo.Database, DateTimeOffset.UtcNow, live: true);
}

/// <summary>
/// What a reader sees of the charts drawn from every council's figures: every funnel's limit curves drawn, on their side of the
/// average; every trend chart drawn without a coordinate that is not a number; and the pages that carry them pass axe.
/// </summary>
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

    // Every coordinate of every element drawn in the page's charts, as written and as the browser parsed it. A polyline's points
    // are counted as written and as parsed (a browser drops a whole polyline when one point is not a number); every other
    // coordinate attribute must parse to a finite number; and each chart's drawn box must be a real, non-empty one.
    private const string Coordinates = """
        () => {
          const charts = [...document.querySelectorAll('figure.upheld-trend svg, svg.upheld-funnel')];
          const bad = [];
          let elements = 0;
          for (const svg of charts) {
            const box = svg.getBBox();
            if (![box.x, box.y, box.width, box.height].every(Number.isFinite) || box.width <= 0 || box.height <= 0) bad.push('a chart with no drawn box');
            for (const el of svg.querySelectorAll('*')) {
              elements++;
              if (el.tagName === 'polyline') {
                const written = el.getAttribute('points').trim().split(/\s+/).length;
                const parsed = el.points.numberOfItems;
                const ys = Array.from({ length: parsed }, (_, i) => el.points.getItem(i));
                if (written !== parsed || !ys.every(p => Number.isFinite(p.x) && Number.isFinite(p.y))) bad.push(`polyline ${el.getAttribute('class')}: ${parsed} of ${written} points`);
              }
              for (const name of ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height']) {
                const value = el.getAttribute(name);
                if (value !== null && !Number.isFinite(Number(value))) bad.push(`${el.tagName} ${name}="${value}"`);
              }
            }
          }
          return { charts: charts.length, elements, trends: document.querySelectorAll('figure.upheld-trend').length,
                   points: document.querySelectorAll('figure.upheld-trend a.upheld-trend__point').length, bad };
        }
        """;

    [SkippableTheory]
    [InlineData("/councils/E10000034/worcestershire/2024-25", 5)]  // a county with figures every year
    [InlineData("/councils/E07000192/cannock-chase/2019-20", 5)]   // no investigations in its letter's year: gaps in its lines
    [InlineData("/councils/E06000060/buckinghamshire/2020-21", 5)] // created in 2020: its charts start there
    [InlineData("/years/2024-25", 23)]                             // England's five, and each category's rate and volume
    [InlineData("/compare/county/2024-25/case-mix", 0)]                 // the funnel around 1 (its other adjustments below)
    public async Task Every_chart_draws_every_element_with_numbers_only_and_the_page_passes_axe(string path, int trends)
    {
        var page = await _session.OpenAsync(path, javaScript: true);
        var drawn = await page.EvaluateAsync<DrawnCharts>(Coordinates);
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "charts" + path.Replace('/', '-') + ".png"), FullPage = true });
        await page.Context.CloseAsync();

        Assert.Equal(trends, drawn.Trends);
        Assert.True(drawn.Charts >= Math.Max(1, trends), $"{path}: {drawn.Charts} charts");
        Assert.True(drawn.Elements > 20 * drawn.Charts, $"{path}: only {drawn.Elements} elements drawn");
        Assert.True(trends == 0 || drawn.Points > trends, $"{path}: {drawn.Points} points in {trends} trends");
        Assert.True(drawn.Bad.Length == 0, $"{path}: {string.Join("; ", drawn.Bad.Take(10))}");
        Assert.True(axe.Violations.Length == 0,
            string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")));
    }

    [SkippableFact]
    public async Task The_case_mix_funnel_draws_both_limits_around_1_under_every_adjustment()
    {
        foreach (var adjustment in new[] { "", "/multiplicative", "/additive" })
        {
            var path = $"/compare/unitary/2023-24/case-mix{adjustment}";
            var page = await _session.OpenAsync(path);
            var drawn = await page.EvaluateAsync<DrawnFunnel>(Drawn);
            var coordinates = await page.EvaluateAsync<DrawnCharts>(Coordinates);
            await page.Context.CloseAsync();

            Assert.True(coordinates.Bad.Length == 0, $"{path}: {string.Join("; ", coordinates.Bad.Take(10))}");
            Assert.True(drawn.TargetY is not null, $"{path}: no line at 1");
            foreach (var kind in new[] { "Low998", "Low95", "High95", "High998" })
                Assert.True(drawn.Curves.Any(c => c.Kind == kind), $"{path}: no {kind} curve drawn");
            foreach (var curve in drawn.Curves)
            {
                Assert.True(curve.Written == curve.Ys.Length && curve.Ys.Length > 1, $"{path}: a {curve.Kind} curve drew {curve.Ys.Length} of {curve.Written} points");
                var wrongSide = curve.Kind.StartsWith("High", StringComparison.Ordinal)
                    ? curve.Ys.Where(y => y > drawn.TargetY + 0.05) : curve.Ys.Where(y => y < drawn.TargetY - 0.05);
                Assert.True(!wrongSide.Any(), $"{path}: a {curve.Kind} curve crosses the line at 1");
            }
        }
    }

    // Playwright fills these from the page's answer, so they need setters.
    private sealed class DrawnCharts
    {
        public int Charts { get; set; }
        public int Elements { get; set; }
        public int Trends { get; set; }
        public int Points { get; set; }
        public string[] Bad { get; set; } = [];
    }

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
