using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Upheld.Tests.Web.Browser;

/// <summary>The public site in a real browser: the map, keyboard use, and an automated WCAG 2.2 AA check of every kind of page.</summary>
public sealed class SiteInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [SkippableFact]
    public async Task The_map_draws_a_hexagon_for_every_council_without_JavaScript()
    {
        var page = await session.OpenAsync("/maps/2019-20/uphold/upper");

        Assert.Equal(151, await page.Locator("a.upheld-hex").CountAsync());
        Assert.Equal(151, await page.Locator("table.govuk-table tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "map-2019-20-uphold-upper.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task A_keyboard_alone_reaches_a_council_from_the_map()
    {
        var page = await session.OpenAsync("/");

        string? focused = null;
        for (var presses = 0; presses < 40 && focused is null; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement?.closest('a.upheld-hex')?.getAttribute('aria-label') ?? null");
        }
        Assert.NotNull(focused);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "map-keyboard-focus.png") });
        // Waiting for the navigation to commit, not for every resource to load, keeps the test steady on a busy machine.
        var navigated = page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/councils/E0"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        await page.Locator("h1").WaitForAsync(new() { Timeout = 60_000 });
        Assert.StartsWith(focused!.Split(':')[0], await page.Locator("h1").InnerTextAsync() + " ", StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task With_JavaScript_the_table_under_the_map_sorts_by_a_column()
    {
        var page = await session.OpenAsync("/maps/2019-20/uphold/upper", javaScript: true);

        await page.Locator("table[data-sortable] thead th").Nth(1).Locator("button").ClickAsync();
        await page.Locator("table[data-sortable] thead th").Nth(1).Locator("button").ClickAsync();

        Assert.Equal("descending", await page.Locator("table[data-sortable] thead th").Nth(1).GetAttributeAsync("aria-sort"));
        Assert.Equal("100%", await page.Locator("table[data-sortable] tbody tr").First.Locator("td").First.InnerTextAsync());
    }

    [SkippableTheory]
    [InlineData("/", "home")]
    [InlineData("/maps/2019-20/per-100k/upper", "map")]
    [InlineData("/councils/E10000034/worcestershire/2019-20", "council")] // with the complaint-handling section and a self-assessment
    [InlineData("/councils/E07000192/cannock-chase/2019-20", "council-nothing-investigated")]
    [InlineData("/councils/E06000017/rutland/2019-20", "council-revised")]
    [InlineData("/years/2019-20", "year")]
    [InlineData("/about", "about")]
    [InlineData("/accessibility", "accessibility")]
    [InlineData("/api", "api-reference")]
    [InlineData("/search?q=shire", "search")]
    [InlineData("/decisions?q=school", "decision-search")]
    [InlineData("/decisions/E10000034-001", "decision")]
    [InlineData("/compare/county/2019-20/uphold", "compare")]
    [InlineData("/maps/2019-20/stage1-in-time/upper", "map-stage1-in-time")]
    [InlineData("/compare/county/2019-20/stage1-in-time", "compare-stage1-in-time")]
    [InlineData("/releases", "release-calendar")]
    [InlineData("/releases/2019-20", "release")]
    [InlineData("/no/such/page", "not-found")]
    public async Task Each_kind_of_page_passes_an_automated_WCAG_2_2_AA_check(string path, string name)
    {
        var page = await session.OpenAsync(path, javaScript: true);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, $"{name}.png"), FullPage = true });

        Assert.True(result.Violations.Length == 0,
            string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")));
    }
}

/// <summary>Proof that the accessibility check above is live: it must catch a page that is plainly wrong.</summary>
public sealed class AccessibilityCheckTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [SkippableFact]
    public async Task The_check_finds_an_image_without_a_text_alternative()
    {
        var page = await session.OpenAsync("/about", javaScript: true);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><img src=\"/x.png\"></main></body></html>");

        var result = await page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
    }
}
