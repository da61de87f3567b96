using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Upheld.Documents;

/// <summary>Prints letter HTML to A4 PDF in headless Chromium: several letters at once, each tab reused letter after letter.</summary>
/// <remarks>
/// Uses the system's Chromium (Debian's <c>/usr/bin/chromium</c>, or <c>UPHELD_CHROMIUM</c>), driven directly over its
/// DevTools pipe, each browser with a fresh temporary profile removed on close. Where the time went (343 letters, CPU
/// seconds measured on 2 cores, docs/benchmarks.md): a browser of many processes starts a print compositor process for
/// every PDF (about a third of all the work), and Playwright's relay added a Node.js process and a second translation of
/// every PDF (another sixth). So each browser runs in one process (<c>--single-process</c>: the compositor is a thread),
/// is spoken to directly, with several tabs, so that one tab's letter loads while another's prints. The HTML goes in from memory
/// (<c>Page.setDocumentContent</c>); it needs nothing from the network (its style and signature are inline), which the
/// browser is denied.
/// <para>
/// Each tab is opened in the background with print media emulated: a hidden page draws nothing on a screen no one sees,
/// and its one layout on load is already in print style. Together a fifth less of Chromium's processor time per letter
/// (docs/benchmarks.md). With that, one browser's renderer thread does about a third of the work, so one browser keeps
/// about three processors busy (its compositing, the browser's own thread and .NET the rest): a browser per three
/// processors, three tabs each. A browser that crashes (a single-process Chromium now and then does) is started again,
/// once per crash, and its letters printed again on it.
/// </para>
/// <para>
/// What is left of each print is mostly its own setting up (the print, its compositor, its tags), about 40 % of the work:
/// <see cref="PrintTogetherAsync"/> prints several letters as one document and cuts the PDF apart, each letter keeping its
/// pages, tags, outline and title (<see cref="LetterPdfSplit"/>).
/// </para>
/// </remarks>
public sealed class LetterPdf : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";
    private const int TabsPerBrowser = 3;
    private const int ProcessorsPerBrowser = 3;

    private static readonly string[] Arguments =
    [
        "--headless", "--single-process", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--password-store=basic", "--mute-audio", "--hide-scrollbars",
        // A letter's style and signature are inside it: nothing is fetched, and nothing can be.
        "--host-resolver-rules=MAP * ~NOTFOUND", "about:blank",
    ];

    private readonly string _executable;
    private readonly List<DevToolsPipe> _browsers;
    private readonly ConcurrentDictionary<DevToolsPipe, Lazy<Task<DevToolsPipe>>> _replacements = new();
    private readonly ConcurrentBag<Tab> _idle;
    private readonly SemaphoreSlim _free;

    private LetterPdf(string executable, List<DevToolsPipe> browsers, IReadOnlyList<Tab> tabs)
    {
        _executable = executable;
        _browsers = browsers;
        _idle = new ConcurrentBag<Tab>(tabs);
        _free = new SemaphoreSlim(tabs.Count);
    }

    /// <summary>How many browsers <see cref="StartAsync"/> starts by default: one per three processors, at most four.</summary>
    public static int DefaultBrowsers(int processors) => Math.Clamp((processors + ProcessorsPerBrowser - 1) / ProcessorsPerBrowser, 1, 4);

    /// <summary>Starts <paramref name="browsers"/> browsers (by default <see cref="DefaultBrowsers"/>), three tabs each.</summary>
    public static async Task<LetterPdf> StartAsync(string? chromium = null, int browsers = 0)
    {
        var executable = chromium ?? Environment.GetEnvironmentVariable("UPHELD_CHROMIUM") ?? DefaultChromium;
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Chromium was not found at {executable}: install it (apt-get install chromium) or set UPHELD_CHROMIUM");
        var count = browsers > 0 ? browsers : DefaultBrowsers(Environment.ProcessorCount);
        var started = new List<DevToolsPipe>();
        try
        {
            for (var i = 0; i < count; i++) started.Add(DevToolsPipe.Start(executable, Arguments));
            var tabs = await Task.WhenAll(started.SelectMany(b => Enumerable.Range(0, TabsPerBrowser).Select(_ => Tab.OpenAsync(b))));
            return new LetterPdf(executable, started, tabs);
        }
        catch
        {
            await Task.WhenAll(started.Select(b => b.DisposeAsync().AsTask()));
            throw;
        }
    }

    /// <summary>The PDF of one letter's HTML: A4, selectable text, tagged for accessibility, with a document outline.</summary>
    public async Task<byte[]> PrintAsync(string html)
    {
        await _free.WaitAsync();
        _idle.TryTake(out var tab);
        try
        {
            try
            {
                return await tab!.PrintAsync(html);
            }
            catch (IOException)
            {
                // The browser crashed under this letter, or under another letter of the same browser: print it again on
                // the browser started in its place.
                if (!await HasGoneAsync(tab!.Browser)) throw;
                tab = await Tab.OpenAsync(await ReplacementAsync(tab.Browser));
                return await tab.PrintAsync(html);
            }
        }
        finally
        {
            _idle.Add(tab!);
            _free.Release();
        }
    }

    /// <summary>
    /// The PDFs of several letters printed as one document and cut apart (<see cref="LetterPdfSplit"/>): each its own
    /// tagged letter, as <see cref="PrintAsync(string)"/> prints it, for about 40 % less of Chromium's work. Null when the
    /// letters cannot share a print: their heads (style, and any notice repeated on every page) differ.
    /// </summary>
    /// <exception cref="InvalidDataException">Chromium's PDF could not be cut apart; print the letters one at a time.</exception>
    public async Task<IReadOnlyList<byte[]>?> PrintTogetherAsync(IReadOnlyList<string> letters)
    {
        if (Together(letters) is not { } document) return null;
        return LetterPdfSplit.Split(await PrintAsync(document), letters.Select(Title).ToList());
    }

    private static readonly Regex TitleElement = new("<title>(.*?)</title>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>
    /// One document of the letters: the head they share, then each letter's body as an article starting on a new page.
    /// The style repeats on every page (margins, the notice in the margin) are the head's, so only letters whose heads are
    /// the same but for their title share a document.
    /// </summary>
    internal static string? Together(IReadOnlyList<string> letters)
    {
        var parts = new List<(string Head, string Body)>();
        foreach (var letter in letters)
        {
            var headEnd = letter.IndexOf("</head>", StringComparison.Ordinal);
            var bodyStart = letter.IndexOf("<body>", StringComparison.Ordinal);
            var bodyEnd = letter.LastIndexOf("</body>", StringComparison.Ordinal);
            if (headEnd < 0 || bodyStart < headEnd || bodyEnd < bodyStart) return null;
            parts.Add((letter[..headEnd], letter[(bodyStart + "<body>".Length)..bodyEnd]));
        }
        var head = TitleElement.Replace(parts[0].Head, "");
        if (parts.Any(p => TitleElement.Replace(p.Head, "") != head)) return null;
        var document = new StringBuilder(parts[0].Head)
            .Append("<style>article.letter-printed-together + article.letter-printed-together { break-before: page; }</style></head><body>");
        foreach (var part in parts) document.Append("<article class=\"letter-printed-together\">").Append(part.Body).Append("</article>");
        return document.Append("</body></html>").ToString();
    }

    /// <summary>The document title Chromium gives a letter's PDF: its title element's text, whitespace collapsed.</summary>
    private static string Title(string letter)
    {
        var match = TitleElement.Match(letter);
        return match.Success ? string.Join(' ', WebUtility.HtmlDecode(match.Groups[1].Value).Split((char[])[' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)) : "";
    }

    /// <summary>The browser started in place of <paramref name="crashed"/>: one for all of its tabs.</summary>
    private Task<DevToolsPipe> ReplacementAsync(DevToolsPipe crashed) =>
        _replacements.GetOrAdd(crashed, _ => new Lazy<Task<DevToolsPipe>>(() =>
        {
            var browser = DevToolsPipe.Start(_executable, Arguments);
            lock (_browsers) _browsers.Add(browser);
            return Task.FromResult(browser);
        })).Value;

    // A browser that stops answering has usually exited: it is known to be gone once its pipe is closed.
    private static async Task<bool> HasGoneAsync(DevToolsPipe browser) =>
        browser.Closed || await Task.WhenAny(browser.Gone, Task.Delay(TimeSpan.FromSeconds(10))) == browser.Gone;

    /// <summary>Ends one browser as a crash would, and waits until it is gone (for tests of what follows).</summary>
    internal async Task CrashAsync(int browser)
    {
        _browsers[browser].Kill();
        await _browsers[browser].Gone;
    }

    public async ValueTask DisposeAsync()
    {
        DevToolsPipe[] browsers;
        lock (_browsers) browsers = [.. _browsers];
        // Each browser takes a moment to close: close them all at once.
        await Task.WhenAll(browsers.Select(b => b.DisposeAsync().AsTask()));
        _free.Dispose();
    }

    /// <summary>One page of a browser, attached to by its own session, printing one letter at a time.</summary>
    private sealed class Tab(DevToolsPipe browser, string session, string frame)
    {
        private TaskCompletionSource? _loaded;

        public DevToolsPipe Browser => browser;

        public static async Task<Tab> OpenAsync(DevToolsPipe browser)
        {
            // In the background: a hidden page is laid out when printed but never drawn for a screen.
            var target = (await browser.SendAsync("Target.createTarget", new Dictionary<string, object> { ["url"] = "about:blank", ["background"] = true }))
                .GetProperty("targetId").GetString()!;
            var session = (await browser.SendAsync("Target.attachToTarget", new Dictionary<string, object> { ["targetId"] = target, ["flatten"] = true }))
                .GetProperty("sessionId").GetString()!;
            var frame = (await browser.SendAsync("Page.getFrameTree", session: session)).GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString()!;
            var tab = new Tab(browser, session, frame);
            browser.OnEvents(session, tab.Happened);
            await browser.SendAsync("Page.enable", session: session);
            // The letter is laid out on load in the style it is printed in, not first in its screen style.
            await browser.SendAsync("Emulation.setEmulatedMedia", new Dictionary<string, object> { ["media"] = "print" }, session);
            return tab;
        }

        private void Happened(string name)
        {
            if (name == "Page.loadEventFired") _loaded?.TrySetResult();
        }

        public async Task<byte[]> PrintAsync(string html)
        {
            // The signature is an image: printing waits for the document's load event, which waits for it.
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _loaded = loaded;
            await browser.SendAsync("Page.setDocumentContent", new Dictionary<string, object> { ["frameId"] = frame, ["html"] = html }, session);
            Task first;
            try
            {
                first = await Task.WhenAny(loaded.Task, browser.Gone).WaitAsync(DevToolsPipe.Patience);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"the letter did not finish loading in Chromium within {DevToolsPipe.Patience.TotalSeconds:N0} s");
            }
            if (first != loaded.Task) throw new IOException("Chromium went away while the letter was loading");
            var pdf = await browser.SendAsync("Page.printToPDF", new Dictionary<string, object>
            {
                // A4 in inches; the letter's own @page rule sets its size and margins.
                ["paperWidth"] = 8.27, ["paperHeight"] = 11.7, ["marginTop"] = 0, ["marginBottom"] = 0, ["marginLeft"] = 0, ["marginRight"] = 0,
                ["preferCSSPageSize"] = true, ["printBackground"] = true, ["generateTaggedPDF"] = true, ["generateDocumentOutline"] = true,
            }, session);
            return pdf.GetProperty("data").GetBytesFromBase64();
        }
    }
}
