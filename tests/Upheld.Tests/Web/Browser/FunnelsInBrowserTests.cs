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
/// <remarks>The site and its session are the class's, shared by its tests, which only read the demonstration database.</remarks>
[Collection(DemoDatabase.Collection)]
public sealed class FunnelsInBrowserTests(DemoBrowserSession session) : IClassFixture<DemoBrowserSession>
{
    private readonly DemoBrowserSession _session = session;

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

    [SkippableFact]
    public async Task A_planted_rise_reads_as_worth_a_closer_look_on_the_council_page_and_strongest_first_on_the_staff_page()
    {
        // Lancashire's planted rise in corporate services, 2025-26 (docs/operations.md, "Planted rises"): 8 upheld in the three
        // years before (about 3 a year), 20 in the year, 7.3 expected from the trend across England.
        var page = await _session.OpenAsync("/councils/E10000017/lancashire/2025-26", javaScript: true);
        var section = page.Locator("section[aria-labelledby='early-warning']");
        var text = await section.InnerTextAsync();
        Assert.Contains("One service area is worth a closer look in 2025-26:", text);
        Assert.Contains("Upheld complaints about Corporate and Other Services rose from about 3 a year to 20 in 2025-26 — more than chance or the national trend would explain.", text);
        Assert.Contains("it is not a verdict on the council, and councils are not ranked by it", text);
        Assert.Equal(["Corporate and Other Services", "20", "8", "7.3"],
            (await section.Locator("tbody tr").First.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        var link = section.GetByRole(AriaRole.Link, new() { Name = "Read the upheld decisions about Corporate and Other Services in 2025-26" });
        Assert.Equal("/decisions?council=E10000017&category=Corporate%20and%20Other%20Services&outcome=upheld&from=2025-04-01&to=2026-03-31", await link.GetAttributeAsync("href"));
        await section.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "early-warning-lancashire-2025-26.png") });
        await AssertAccessible(page, "council page with a signal");
        // The link leads to the 20 decisions behind it.
        await page.GotoAsync(_session.Site.Address + await link.GetAttributeAsync("href"));
        Assert.Contains("20 decisions", await page.Locator("main").InnerTextAsync());
        // A council tested with nothing standing out says so plainly.
        await page.GotoAsync(_session.Site.Address + "/councils/E10000034/worcestershire/2025-26");
        Assert.Contains("Nothing stood out in 2025-26", await page.Locator("section[aria-labelledby='early-warning']").InnerTextAsync());
        await page.Context.CloseAsync();

        Upheld.Tests.Web.Staff.StaffSession.AddAccount(_session.Site, "signals-browser@example.org", Upheld.Accounts.StaffRole.Staff, name: "Sam Staff");
        var staff = await _session.OpenAsync("/staff/sign-in", javaScript: true);
        await staff.Locator("#email").FillAsync("signals-browser@example.org");
        await staff.Locator("#password").FillAsync(Upheld.Tests.Web.Staff.StaffSession.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Early warning" }).ClickAsync();
        await staff.SelectOptionAsync("#year", "2025-26");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Show the year" }).ClickAsync();
        Assert.Equal("Early warning: service areas worth a closer look", (await staff.Locator("h1").InnerTextAsync()).Trim());
        // Strongest first: Lancashire and Tower Hamlets share the smallest q (0.00073), Lancashire's p being smaller; then Oldham.
        // Lancashire: p = 7.2 × 10⁻⁷ (20 of 28 at the national probability, expected 7.3), q = 7.3 × 10⁻⁴, as printed.
        Assert.Equal(["Lancashire", "Tower Hamlets", "Oldham"], (await staff.Locator("tbody th a").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal(["Lancashire", "Corporate and Other Services", "20", "8", "7.3", "7.2\u00a0×\u00a010⁻⁷", "7.3\u00a0×\u00a010⁻⁴"],
            (await staff.Locator("tbody tr").First.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));
        await staff.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "staff-signals-2025-26.png"), FullPage = true });
        await AssertAccessible(staff, "staff signals page");
        await staff.Context.CloseAsync();
    }

    private static async Task AssertAccessible(IPage page, string name)
    {
        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(axe.Violations.Length == 0,
            name + ": " + string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")));
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
