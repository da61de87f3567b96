using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Spectre.Console;
using Upheld.Web;
using Upheld.Web.Export;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld export --out DIR</c>: writes the public site, published years only, as static files.</summary>
/// <remarks>
/// Into an existing export, only the files whose bytes changed, new files and files no longer published are touched, all or
/// nothing under a journal; unchanged files stay the same files (see <see cref="StaticExport.ExportAsync(HttpClient, string, IProgress{int}?, int)"/>).
/// </remarks>
internal static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the site into (an export there is brought up to date when the export is complete: unchanged files are kept as they are)", Required = true };
        var command = new Command("export", "Write the public site as static files (only published years)") { output };
        command.SetAction(parse => Run(CommonOptions.OpenDatabase(parse), Path.GetFullPath(parse.GetValue(output)!)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(Storage.Database database, string folder)
    {
        // The site runs in this process and answers the crawl in memory: no socket, no HTTP parsing, for some 40,000 files;
        // built for the export, it prepares no page (each is asked for once) and reads the figures once.
        await using var site = Site.Build(database, configure: builder => builder.WebHost.UseTestServer(), forExport: true, previousExport: folder);
        await site.StartAsync();
        using var client = site.GetTestClient();
        var result = await StaticExport.ExportAsync(client, folder, new Progress<int>(files => CommonOptions.Messages.MarkupLine($"[grey]{files:N0} files…[/]")));
        if (result.BrokenLinks.Count > 0)
        {
            foreach (var link in result.BrokenLinks.Take(20)) Console.Error.WriteLine($"broken link: {link}");
            if (result.BrokenLinks.Count > 20) Console.Error.WriteLine($"… and {result.BrokenLinks.Count - 20:N0} more");
            return CommonOptions.Fail($"export: {result.BrokenLinks.Count} links lead nowhere; {folder} was left as it was");
        }
        Console.WriteLine($"Wrote {result.Files:N0} files ({result.Bytes / 1048576.0:F1} MB, {result.Redirects:N0} of them redirects) to {folder} in {result.Elapsed.TotalSeconds:F1} s: " +
            $"{result.Files - result.Unchanged:N0} new or changed, {result.Unchanged:N0} unchanged and kept as they were.");
        return 0;
    }
}
