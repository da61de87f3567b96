using System.CommandLine;
using Spectre.Console;
using Upheld.Quality;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld quality --year Y</c>: the data-quality report staff read before publishing a year.</summary>
internal static class QualityCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var command = new Command("quality", "List what to check before publishing a year: letters without an addressee, " +
            "large year-on-year swings, compliance outcomes for unknown cases, letters changed since approval") { year };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, y)) return 1;
            Write(DataQuality.Report(database, y));
            return 0;
        });
        return command;
    }

    private static void Write(QualityReport report)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        if (report.Findings.Count == 0)
        {
            console.WriteLine($"{report.Year}: no findings.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Finding", "Code", "Council", "Detail");
        foreach (var f in report.Findings) table.AddRow(new Text(f.KindText), new Text(f.AuthorityCode), new Text(f.AuthorityName), new Text(f.Detail));
        console.Write(table);
        var counts = Enum.GetValues<QualityFindingKind>().Select(k => (Kind: k, Count: report.Count(k))).Where(k => k.Count > 0)
            .Select(k => $"{k.Count:N0} {QualityFinding.Describe(k.Kind).ToLowerInvariant()}");
        console.WriteLine($"{report.Year}: {report.Findings.Count:N0} findings: {string.Join("; ", counts)}.");
    }
}
