using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Spectre.Console;
using Upheld.Web;
using Upheld.Web.Export;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld export --out DIR</c>: writes the public site, published years only, as static files.</summary>
/// <remarks>The copy is written beside DIR and moved into place at the end, so DIR is never half-written.</remarks>
internal static class ExportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder to write the site into (replaced when the export is complete)", Required = true };
        var command = new Command("export", "Write the public site as static files (only published years)") { output };
        command.SetAction(parse => Run(CommonOptions.OpenDatabase(parse), Path.GetFullPath(parse.GetValue(output)!)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(Storage.Database database, string folder)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        await using var site = Site.Build(database, configure: builder => builder.WebHost.UseUrls(address));
        await site.StartAsync();
        var partial = folder + $".partial-{Environment.ProcessId}";
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        ExportResult result;
        try
        {
            result = await StaticExport.CrawlAsync(client, partial, new Progress<int>(files => CommonOptions.Messages.MarkupLine($"[grey]{files:N0} files written…[/]")), parallel: 0);
        }
        catch
        {
            // Everything the crawl wrote is inside the partial folder, so removing it leaves nothing behind.
            if (Directory.Exists(partial)) Directory.Delete(partial, recursive: true);
            throw;
        }
        if (result.BrokenLinks.Count > 0)
        {
            Directory.Delete(partial, recursive: true);
            foreach (var link in result.BrokenLinks.Take(20)) Console.Error.WriteLine($"broken link: {link}");
            if (result.BrokenLinks.Count > 20) Console.Error.WriteLine($"… and {result.BrokenLinks.Count - 20:N0} more");
            return CommonOptions.Fail($"export: {result.BrokenLinks.Count} links lead nowhere; nothing was written to {folder}");
        }
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.Move(partial, folder);
        Console.WriteLine($"Wrote {result.Files:N0} files ({result.Bytes / 1048576.0:F1} MB, {result.Redirects:N0} of them redirects) to {folder} in {result.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
