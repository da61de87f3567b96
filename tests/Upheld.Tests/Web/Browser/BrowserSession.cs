using Microsoft.Playwright;

namespace Upheld.Tests.Web.Browser;

/// <summary>A live site on loopback, for a test class, and the test run's one headless Chromium (see <see cref="SharedBrowser"/>) to visit it.</summary>
/// <remarks>Outside CI a machine without Chromium skips the browser tests with a message; in CI they must run (./test installs it).</remarks>
public class BrowserSession : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public IBrowser Browser { get; private set; } = null!;
    public SiteHost Site { get; private set; } = null!;
    public string? Missing { get; private set; }

    /// <summary>Where screenshots are kept for people to look at: TestResults/screenshots.</summary>
    public static string Screenshots { get; } = Path.Combine(FindRoot(), "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Missing = SharedBrowser.Missing;
        if (Missing is not null) return;
        Site = CreateSite();
        Browser = await SharedBrowser.Get();
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>The site the browser visits: the published five councils, unless a subclass wants another.</summary>
    protected virtual SiteHost CreateSite()
    {
        var site = new SiteHost(live: true);
        // Rutland gains a received complaint after publication, so its page shows the revised figures beside the published ones.
        // Worcestershire and Cambridgeshire send complaint returns and Worcestershire a self-assessment, so the council page's
        // complaint-handling section and the "Stage 1 answered in time" map and compare pages are checked with figures.
        using var correction = new Upheld.Tests.Import.ImportFolder().With("received.csv", "case_ref,authority_code,received_date", "LATE-RECEIVED-1,E06000017,2019-05-01")
            .With("complaint_returns.csv", "authority_code,year,stage,received,responded,responded_in_time,upheld",
                "E10000034,2019-20,1,412,398,333,141", "E10000034,2019-20,2,61,58,49,12", "E10000003,2019-20,1,350,340,301,90", "E10000003,2019-20,2,40,40,31,8")
            .With("code_self_assessments.csv", ["authority_code,year,section,follows,evidence,action,target_date,submitted_on",
                .. Upheld.ComplaintHandling.CodeSections.Ids.Select(s => s is "4" or "6-stage-2"
                    ? $"E10000034,2019-20,{s},no,Reviewed by the complaints team,\"Recruit a second complaints officer, and report monthly\",2026-03-31,2025-06-30"
                    : $"E10000034,2019-20,{s},yes,Complaints policy 2025,,,2025-06-30")]);
        if (!new Upheld.Import.Importer(site.Database, site.Clock).Import(correction.Path).Succeeded) throw new InvalidOperationException("the correction did not import");
        return site;
    }

    /// <summary>A new page with JavaScript off, as the site must work without it.</summary>
    public async Task<IPage> OpenAsync(string path, bool javaScript = false)
    {
        if (Missing is not null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"Browser tests must run in CI: {Missing}");
            Skip.If(true, $"Browser test skipped: {Missing}");
        }
        var context = await Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
        lock (_contexts) _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Site.Address + path);
        return page;
    }

    public async Task DisposeAsync()
    {
        // The browser outlives the class: only the pages this class opened are closed (those a test closed itself are skipped).
        List<IBrowserContext> contexts;
        lock (_contexts) contexts = [.. _contexts];
        foreach (var context in contexts)
        {
            try { await context.CloseAsync(); }
            catch (PlaywrightException) { } // already closed with its browser
        }
        if (Site is not null) await Site.DisposeAsync();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Upheld.slnx"))) directory = directory.Parent;
        return directory?.FullName ?? Path.GetTempPath();
    }
}

/// <summary>
/// One headless Debian Chromium for the whole test run, driven by Playwright, launched when a browser test first needs it:
/// each test class opens its own contexts (a fresh profile each: cookies, JavaScript on or off) in it, which cost a few
/// milliseconds, where launching a browser costs a second or more on a busy machine.
/// </summary>
/// <remarks>
/// xUnit has no fixture for the whole assembly, so the browser lives as long as the test host: Playwright's driver closes it
/// when the host exits, and a handler at exit asks it first when the exit is orderly.
/// </remarks>
public static class SharedBrowser
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly Lazy<Task<IBrowser>> Launched = new(Launch);

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public static string? Missing => File.Exists(Chromium) ? null : $"{Chromium} is not installed (./test installs it)";

    public static Task<IBrowser> Get() => Launched.Value;

    private static async Task<IBrowser> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright.Dispose();
        };
        return browser;
    }
}
