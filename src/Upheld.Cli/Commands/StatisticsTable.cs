using Spectre.Console;
using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Cli.Commands;

/// <summary>The readable form of <c>upheld stats</c>: one row per authority, coloured by comparison on a terminal.</summary>
internal static class StatisticsTable
{
    public static void Write(IReadOnlyList<AuthorityStatistics> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // Written to a file or a pipe, the table keeps its full width rather than wrapping at 80 columns.
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Code", "Authority", "Type", "Investigated", "Upheld", "Average", "Compliance", "Average", "Remedied", "Average", "Per 100k", "Average");
        foreach (var column in table.Columns.Skip(3)) column.RightAligned();
        foreach (var r in results)
        {
            table.AddRow(
                new Text(r.Code), new Text(r.Name), new Text(r.Type.DisplayName()),
                new Text(r.Counts.Investigations.ToString("N0")),
                Cell(r.Uphold), new Text(r.Uphold.Average.Text ?? "–"),
                Cell(r.Compliance), new Text(r.Compliance.Average.Text ?? "–"),
                Cell(r.SatisfactoryRemedy), new Text(r.SatisfactoryRemedy.Average.Text ?? "–"),
                Cell(r.UpheldPer100k), new Text(r.UpheldPer100k.Average.Text ?? "–"));
        }
        console.Write(table);
        if (results.Count > 0)
        {
            console.MarkupLine($"[grey]{results[0].Year}, {results.Count} authorities; averages for similar authorities are {results[0].AverageMethod.ToWireName()}; " +
                "[red]red[/] is higher than the average and [blue]blue[/] lower, where the 95% interval excludes it.[/]");
        }
    }

    private static Text Cell(Statistic statistic) => new(statistic.Value.Text ?? "–", statistic.Comparison switch
    {
        Comparison.Higher => new Style(Color.Red),
        Comparison.Lower => new Style(Color.Blue),
        _ => Style.Plain,
    });
}
