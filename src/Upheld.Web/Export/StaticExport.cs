using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using System.Net;
using System.Text.RegularExpressions;

namespace Upheld.Web.Export;

/// <summary>What an export wrote: every file, of which <paramref name="Unchanged"/> were kept as they were (same bytes, same file).</summary>
public sealed record ExportResult(int Files, long Bytes, int Redirects, TimeSpan Elapsed, IReadOnlyList<string> BrokenLinks, int Unchanged = 0);

/// <summary>Writes the public site as static files by following every link from the home page, as a visitor would.</summary>
/// <remarks>
/// Crawling the running site means the copy is exactly what the site serves: only published years, the same pages.
/// A page's path becomes <c>path/index.html</c>; a permanent redirect becomes a small page that sends the reader on.
/// Links with a query string are not followed: a static copy answers paths only.
/// </remarks>
public static partial class StaticExport
{
    [GeneratedRegex("(?:href|src)=\"(?<link>/[^\"#?]*)(?:#[^\"]*)?\"")]
    private static partial Regex Link();

    /// <summary>
    /// Exports the site into <paramref name="folder"/>, all or nothing: the new copy is built beside it, each file whose bytes
    /// are those of the file already at its place kept as that file (a hard link: same inode, same modification time), and
    /// the finished copy then takes the folder's place in one step, so files of anything no longer published go with the old copy.
    /// </summary>
    /// <remarks>
    /// Built as <c>FOLDER.partial-PID</c> in the same parent, so that linking and renaming stay on one file system. On Linux
    /// the two folders are exchanged atomically (<c>renameat2</c> with <c>RENAME_EXCHANGE</c>): a reader or a crash sees the
    /// whole old copy or the whole new one. Any failure before that, or a link that leads nowhere, removes the partial copy
    /// and leaves the folder exactly as it was; a crash leaves the partial copy beside it, removed by the next export.
    /// Two exports into one folder at once are not supported.
    /// </remarks>
    public static async Task<ExportResult> ExportAsync(HttpClient site, string folder, IProgress<int>? progress = null, int parallel = 0)
    {
        var watch = Stopwatch.StartNew();
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(folder);
        // What a killed export left behind: its partial copy, or the old copy it had not yet removed.
        foreach (var abandoned in Directory.EnumerateDirectories(parent, $"{name}.partial-*")) Directory.Delete(abandoned, recursive: true);
        var staging = Path.Combine(parent, $"{name}.partial-{Environment.ProcessId}");
        ExportResult result;
        try
        {
            result = await CrawlAsync(site, staging, progress, parallel, previous: Directory.Exists(folder) ? folder : null);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
        if (result.BrokenLinks.Count > 0)
        {
            Directory.Delete(staging, recursive: true);
            return result;
        }
        FileSwap.Replace(folder, staging);
        return result with { Elapsed = watch.Elapsed };
    }

    /// <param name="parallel">Requests in flight at once; by default twice the processor count, as pages wait on the database.</param>
    /// <param name="previous">An earlier export: a file whose bytes are the same as its file there is linked to it rather than written.</param>
    public static async Task<ExportResult> CrawlAsync(HttpClient site, string folder, IProgress<int>? progress = null, int parallel = 0, string? previous = null)
    {
        var watch = Stopwatch.StartNew();
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { ["/"] = true };
        var queue = Channel.CreateUnbounded<string>();
        var broken = new ConcurrentBag<string>();
        int files = 0, redirects = 0, pending = 1, unchanged = 0;
        long bytes = 0;
        queue.Writer.TryWrite("/");
        // Pages are fetched several at a time (one at a time, 40,000 files took minutes); each link is queued once,
        // and the queue closes when no fetched page is left to yield new links.
        var workers = Enumerable.Range(0, parallel > 0 ? parallel : Math.Max(2, Environment.ProcessorCount * 2)).Select(async _ =>
        {
            await foreach (var path in queue.Reader.ReadAllAsync())
            {
                try
                {
                    await FetchAsync(path);
                }
                finally
                {
                    if (Interlocked.Decrement(ref pending) == 0) queue.Writer.Complete();
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var notice = System.Text.Encoding.UTF8.GetBytes(Notice);
        await KeepAsync(Path.Combine(folder, "README.txt"), notice);
        return new ExportResult(files + 1, bytes + notice.Length, redirects, watch.Elapsed, broken.Order(StringComparer.Ordinal).ToList(), unchanged);

        // Writes the file, or links the previous export's file when its bytes are already these.
        async Task KeepAsync(string file, byte[] body)
        {
            if (previous is not null && FileSwap.TryLinkSame(Path.Combine(previous, Path.GetRelativePath(folder, file)), file, body))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }
            // Never into an existing file: a path reached twice may already be a link to the previous export's file.
            File.Delete(file);
            await File.WriteAllBytesAsync(file, body);
        }

        async Task FetchAsync(string path)
        {
            // HttpClient folds "/../api" into "/api", so the page would be found and written above the folder.
            if (Inside(folder, path) is not { } file)
            {
                broken.Add($"{path} (leaves the site)");
                return;
            }
            using var response = await site.GetAsync(path);
            byte[] body;
            if (response.StatusCode == HttpStatusCode.MovedPermanently && response.Headers.Location is { } location)
            {
                body = RedirectPage(location.OriginalString);
                Enqueue(location.OriginalString);
                Interlocked.Increment(ref redirects);
            }
            else if (response.IsSuccessStatusCode)
            {
                body = await response.Content.ReadAsByteArrayAsync();
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    foreach (Match match in Link().Matches(System.Text.Encoding.UTF8.GetString(body))) Enqueue(WebUtility.HtmlDecode(match.Groups["link"].Value));
                }
            }
            else
            {
                broken.Add($"{path} ({(int)response.StatusCode})");
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await KeepAsync(file, body);
            Interlocked.Add(ref bytes, body.LongLength);
            if (Interlocked.Increment(ref files) % 1000 == 0) progress?.Report(files);
        }

        void Enqueue(string link)
        {
            if (!seen.TryAdd(link, true)) return;
            Interlocked.Increment(ref pending);
            queue.Writer.TryWrite(link);
        }
    }

    /// <summary>What the copy is and what it cannot do, written beside it as README.txt.</summary>
    public const string Notice =
        """
        Your council's performance: a static copy of the public site, made by `upheld export`.

        Serve this folder with any web server (it uses paths from the root, such as /councils/...), or open it
        through one: every link is a file here. It holds only the years that were published when it was made.

        Searching needs the live site: the decision search (/decisions/) is here only as its empty form, and
        searches typed into it find nothing in this copy. Every decision linked from a council page is here.

        Open data: CSV files sit beside their tables (.csv), JSON under /api/v1/ (see /api/). Contains public
        sector information licensed under the Open Government Licence v3.0
        (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/); council names from
        mySociety (CC-BY-4.0); hex layouts from Open Innovations (MIT).

        """;

    /// <summary>
    /// The full name of the file a path is kept in, or null when the path is not a page of the site (see
    /// <see cref="Upheld.Letters.LetterLinks.IsSitePath"/>) or its file would fall outside the folder.
    /// </summary>
    public static string? Inside(string folder, string path)
    {
        if (!Upheld.Letters.LetterLinks.IsSitePath(path)) return null;
        var root = Path.GetFullPath(folder);
        var file = Path.GetFullPath(Path.Combine(root, FileFor(path)));
        return file.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? file : null;
    }

    /// <summary>The file a path is kept in: itself when it names a file, else the folder's index.html.</summary>
    public static string FileFor(string path)
    {
        var relative = path.TrimStart('/');
        return Path.HasExtension(relative) ? relative : Path.Combine(relative, "index.html");
    }

    private static byte[] RedirectPage(string target)
    {
        var href = WebUtility.HtmlEncode(target);
        return System.Text.Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Moved</title><meta http-equiv=\"refresh\" content=\"0; url={href}\">" +
            $"<link rel=\"canonical\" href=\"{href}\"></head><body><p>This page has moved to <a href=\"{href}\">{href}</a>.</p></body></html>");
    }
}
