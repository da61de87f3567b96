using System.CommandLine;
using Spectre.Console;
using Upheld.Web.Hosting;
using Upheld.Demo;
using Upheld.Web;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld serve [--demo] [--urls URL]</c>: serves the public site.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demonstration dataset first when the database is empty" };
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://localhost:5000" };
        var command = new Command("serve", "Serve the public site (only published years)") { demo, urls };
        command.SetAction(parse =>
        {
            var database = CommonOptions.OpenDatabase(parse);
            if (parse.GetValue(demo))
            {
                CommonOptions.Messages.MarkupLine("Loading the demonstration dataset if the database is empty…");
                if (DemoDataset.LoadIfEmpty(database)) CommonOptions.Messages.MarkupLine("Demonstration dataset loaded.");
            }
            var address = parse.GetValue(urls)!;
            var site = Site.Build(database, ["--urls", address]);
            using var memory = MemoryReport.StartIfAsked();
            CommonOptions.Messages.MarkupLine($"Serving [link]{address}[/] from {Markup(database.Description)}; press Ctrl+C to stop.");
            try
            {
                site.Run();
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                return CommonOptions.Fail($"serve: {address} is already in use; stop the other server or choose another address with --urls");
            }
            return 0;
        });
        return command;
    }

    private static string Markup(string text) => Spectre.Console.Markup.Escape(text);
}
