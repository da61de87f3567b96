using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using System.Net;
using System.Text.RegularExpressions;

namespace Upheld.Web.Export;

/// <summary>What an export wrote: every file, of which <paramref name="Unchanged"/> were kept as they were (same bytes, same file).</summary>
/// <param name="Paths">Every file of the export, relative to its folder with '/', written or not.</param>
public sealed record ExportResult(int Files, long Bytes, int Redirects, TimeSpan Elapsed, IReadOnlyList<string> BrokenLinks, int Unchanged = 0, IReadOnlyList<string>? Paths = null);

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
    /// Exports the site into <paramref name="folder"/>, all or nothing: only files whose bytes changed, new files and files no
    /// longer exported are touched (an unchanged file stays the same file: same inode, same modification time), and a failure
    /// leaves the folder exactly as it was.
    /// </summary>
    /// <remarks>
    /// The new and changed files are written first into <c>FOLDER.partial-PID</c> beside the folder (the same parent, so that
    /// moving them stays on one file system); a failure or a link that leads nowhere by then removes it, the folder untouched.
    /// Once the crawl is complete they are moved in, and the files no longer exported moved out, under a journal
    /// (<see cref="FolderUpdate"/>): a failure while moving puts every file back at once, and a crash leaves the journal, by
    /// which the next export puts every file back before it starts. A first export is moved into place in one step.
    /// Two exports into one folder at once are not supported.
    /// </remarks>
    public static Task<ExportResult> ExportAsync(HttpClient site, string folder, IProgress<int>? progress = null, int parallel = 0) =>
        ExportAsync(site, folder, progress, parallel, interruption: null);

    internal static async Task<ExportResult> ExportAsync(HttpClient site, string folder, IProgress<int>? progress, int parallel, FolderUpdate.Interruption? interruption)
    {
        var watch = Stopwatch.StartNew();
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        Recover(folder);
        var staging = Path.Combine(Path.GetDirectoryName(folder)!, $"{Path.GetFileName(folder)}.partial-{Environment.ProcessId}");
        var incoming = Path.Combine(staging, FolderUpdate.NewFiles);
        var previous = Directory.Exists(folder) ? folder : null;
        try
        {
            var result = await CrawlAsync(site, incoming, progress, parallel, previous);
            if (result.BrokenLinks.Count > 0)
            {
                Directory.Delete(staging, recursive: true);
                return result;
            }
            if (previous is null)
            {
                Directory.Move(incoming, folder);
            }
            else
            {
                var steps = FolderUpdate.Plan(folder, staging, result.Paths!);
                if (steps.Count > 0) FolderUpdate.Apply(folder, staging, steps, interruption);
            }
            Directory.Delete(staging, recursive: true);
            return result with { Elapsed = watch.Elapsed };
        }
        catch (FolderUpdate.SimulatedCrash)
        {
            throw;
        }
        catch
        {
            // A journal still here means the update could not be undone either: the next export undoes it.
            if (Directory.Exists(staging) && !File.Exists(Path.Combine(staging, FolderUpdate.Journal))) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// What a killed export left beside <paramref name="folder"/>: an update it stopped halfway is undone by its journal, so the
    /// folder is the previous export again, and its partial copy is removed.
    /// </summary>
    public static void Recover(string folder)
    {
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        foreach (var abandoned in Directory.EnumerateDirectories(parent, $"{Path.GetFileName(folder)}.partial-*"))
        {
            if (Directory.Exists(folder)) FolderUpdate.UndoInterrupted(folder, abandoned);
            Directory.Delete(abandoned, recursive: true);
        }
    }

    /// <param name="parallel">Requests in flight at once; by default twice the processor count, as pages wait on the database.</param>
    /// <param name="previous">
    /// An earlier export: a file whose bytes are those of its file there is not written (the result's <see cref="ExportResult.Paths"/>
    /// still lists it), so <paramref name="folder"/> receives only what is new or changed.
    /// </param>
    public static async Task<ExportResult> CrawlAsync(HttpClient site, string folder, IProgress<int>? progress = null, int parallel = 0, string? previous = null)
    {
        var watch = Stopwatch.StartNew();
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { ["/"] = true };
        var queue = Channel.CreateUnbounded<string>();
        var broken = new ConcurrentBag<string>();
        var paths = new ConcurrentBag<string>();
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
        await KeepAsync("README.txt", notice);
        return new ExportResult(files + 1, bytes + notice.Length, redirects, watch.Elapsed, broken.Order(StringComparer.Ordinal).ToList(), unchanged, [.. paths]);

        // Writes the file, unless the previous export's file has these bytes already.
        async Task KeepAsync(string relative, byte[] body)
        {
            paths.Add(relative);
            if (previous is not null && SameBytes(Path.Combine(previous, relative), body))
            {
                Interlocked.Increment(ref unchanged);
                return;
            }
            var file = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
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
            await KeepAsync(Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), body);
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

    // Whether the file holds exactly these bytes: its length first, then its content, read once.
    private static bool SameBytes(string file, byte[] bytes)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return false;
        }
        using (handle)
        {
            if (RandomAccess.GetLength(handle) != bytes.LongLength) return false;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
            try
            {
                var read = 0;
                while (read < bytes.Length && RandomAccess.Read(handle, buffer.AsSpan(read, bytes.Length - read), read) is var n and > 0) read += n;
                return read == bytes.Length && buffer.AsSpan(0, read).SequenceEqual(bytes);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
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
