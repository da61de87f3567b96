using Microsoft.Playwright;

namespace Upheld.Web.Letters;

/// <summary>Prints letter HTML to A4 PDF in one headless Chromium for many letters, a few pages at a time.</summary>
/// <remarks>
/// Uses the system's Chromium (Debian's <c>/usr/bin/chromium</c>, or <c>UPHELD_CHROMIUM</c>): Playwright's own browser
/// download needs a network. Playwright starts it with a fresh temporary profile and removes it on close.
/// </remarks>
public sealed class LetterPdf : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly SemaphoreSlim _pages;

    private LetterPdf(IPlaywright playwright, IBrowser browser, int parallel)
    {
        _playwright = playwright;
        _browser = browser;
        _pages = new SemaphoreSlim(parallel);
    }

    /// <summary>Starts the browser; <paramref name="parallel"/> pages print at once.</summary>
    public static async Task<LetterPdf> StartAsync(string? chromium = null, int parallel = 3)
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
            var page = await _browser.NewPageAsync();
            try
            {
                await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
                return await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true, Tagged = true, Outline = true });
            }
            finally
            {
                await page.CloseAsync();
            }
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
