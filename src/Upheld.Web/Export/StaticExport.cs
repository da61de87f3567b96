using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Upheld.Web.Export;

/// <summary>What an export wrote.</summary>
public sealed record ExportResult(int Files, long Bytes, int Redirects, TimeSpan Elapsed, IReadOnlyList<string> BrokenLinks);

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

    public static async Task<ExportResult> CrawlAsync(HttpClient site, string folder, IProgress<int>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var broken = new List<string>();
        int files = 0, redirects = 0;
        long bytes = 0;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            using var response = await site.GetAsync(path);
            byte[] body;
            if (response.StatusCode == HttpStatusCode.MovedPermanently && response.Headers.Location is { } location)
            {
                body = RedirectPage(location.OriginalString);
                Enqueue(location.OriginalString);
                redirects++;
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
                continue;
            }
            var file = Path.Combine(folder, FileFor(path));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, body);
            files++;
            bytes += body.LongLength;
            if (files % 200 == 0) progress?.Report(files);
        }
        var notice = System.Text.Encoding.UTF8.GetBytes(Notice);
        await File.WriteAllBytesAsync(Path.Combine(folder, "README.txt"), notice);
        return new ExportResult(files + 1, bytes + notice.Length, redirects, watch.Elapsed, broken);

        void Enqueue(string link)
        {
            if (seen.Add(link)) queue.Enqueue(link);
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
