using Microsoft.Playwright;

namespace Upheld.Documents;

/// <summary>Prints letter HTML to A4 PDF in one headless Chromium for many letters, reusing its pages.</summary>
/// <remarks>
/// Uses the system's Chromium (Debian's <c>/usr/bin/chromium</c>, or <c>UPHELD_CHROMIUM</c>): Playwright's own browser
/// download needs a network. Playwright starts it with a fresh temporary profile and removes it on close.
/// Measured on 2 cores: a new page costs about 0.5 s, loading new content into an open page and printing it about
/// 0.15 s; so pages are reused, and two of them overlap one letter's round trips with the other's printing.
/// </remarks>
public sealed class LetterPdf : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly SemaphoreSlim _pages;
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];

    private LetterPdf(IPlaywright playwright, IBrowser browser, int parallel)
    {
        _playwright = playwright;
        _browser = browser;
        _pages = new SemaphoreSlim(parallel);
    }

    /// <summary>Starts the browser; <paramref name="parallel"/> pages print at once.</summary>
    public static async Task<LetterPdf> StartAsync(string? chromium = null, int parallel = 2)
    {
        var executable = chromium ?? Environment.GetEnvironmentVariable("UPHELD_CHROMIUM") ?? DefaultChromium;
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Chromium was not found at {executable}: install it (apt-get install chromium) or set UPHELD_CHROMIUM");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
            });
            return new LetterPdf(playwright, browser, parallel);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>The PDF of one letter's HTML: A4, selectable text, tagged for accessibility, with a document outline.</summary>
    public async Task<byte[]> PrintAsync(string html)
    {
        await _pages.WaitAsync();
        try
        {
            var page = _idle.TryTake(out var open) ? open : await _browser.NewPageAsync();
            await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true, Tagged = true, Outline = true });
            // A page that failed is dropped with its exception; only a page that printed is used again.
            _idle.Add(page);
            return pdf;
        }
        finally
        {
            _pages.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
