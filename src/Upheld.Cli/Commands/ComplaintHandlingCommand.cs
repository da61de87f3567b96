using System.CommandLine;
using Spectre.Console;
using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Statistics;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld complaint-handling --year Y [--authority CODE] [--format json|csv|table]</c> (docs/operations.md).</summary>
internal static class ComplaintHandlingCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var authority = new Option<string?>("--authority") { Description = "Only this authority's ONS code (averages still use every authority of its type)" };
        var format = new Option<string>("--format") { Description = "json, csv or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("complaint-handling",
            "Print every council's own complaint figures and Complaint Handling Code self-assessment for a year, beside the ombudsman's") { year, authority, format };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, financialYear)) return 1;
            var results = ComplaintHandlingEngine.Compute(ComplaintHandlingQuery.ForYear(database, financialYear));
            var code = parse.GetValue(authority);
            if (code is not null)
            {
                results = results.Where(r => r.Code == code).ToList();
                if (results.Count == 0) return CommonOptions.Fail($"--authority: {code} is not an authority that existed in {financialYear}");
            }
            using var output = Console.OpenStandardOutput();
            switch (parse.GetValue(format))
            {
                case "json": ComplaintHandlingJson.Write(output, results); break;
                case "csv": output.Write(ComplaintHandlingCsv.Bytes(results)); break;
                default: Table(results); break;
            }
            return 0;
        });
        return command;
    }

    private static void Table(IReadOnlyList<ComplaintHandlingFigures> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Code", "Authority", "Type", "S1 received", "S1 in time", "Average", "S1 upheld", "S1 per 10k",
            "S2 responded", "S2 in time", "Average", "S2 upheld", "Ombudsman per 100 S2", "Self-assessment");
        foreach (var column in table.Columns.Skip(3)) column.RightAligned();
        foreach (var r in results)
        {
            table.AddRow(
                new Text(r.Code), new Text(r.Name), new Text(r.Type.DisplayName()),
                new Text(r.Counts.Stage1?.Received.ToString("N0") ?? "–"),
                Cell(r.Stage1InTime), new Text(r.Stage1InTime.Average.Text ?? "–"), Cell(r.Stage1Upheld),
                new Text(r.Stage1Per10k.Text ?? "–"),
                new Text(r.Counts.Stage2?.Responded.ToString("N0") ?? "–"),
                Cell(r.Stage2InTime), new Text(r.Stage2InTime.Average.Text ?? "–"), Cell(r.Stage2Upheld),
                new Text(r.OmbudsmanPer100Stage2.Text ?? "–"),
                new Text(r.Counts.SelfAssessment is { } a ? $"{a.Follows} of {a.Rows.Count} followed" : "–"));
        }
        console.Write(table);
        if (results.Count > 0)
        {
            console.MarkupLine($"[grey]{results[0].Year}, {results.Count} councils; – is no return (or nothing responded); averages for similar councils are pooled; " +
                "[red]red[/] is higher than the average and [blue]blue[/] lower, where the 95% interval excludes it. " +
                "Ombudsman per 100 S2 is a ratio, not a rate: it can exceed 100.[/]");
        }
    }

    private static Text Cell(Statistic statistic) => new(statistic.Value.Text ?? "–", statistic.Comparison switch
    {
        Comparison.Higher => new Style(Color.Red),
        Comparison.Lower => new Style(Color.Blue),
        _ => Style.Plain,
    });
}
