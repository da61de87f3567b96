using System.CommandLine;
using Spectre.Console;
using Upheld.Authorities;
using Upheld.Signals;
using Upheld.Statistics;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld signals --year Y [--authority CODE] [--format json|csv|table]</c> (docs/operations.md).</summary>
internal static class SignalsCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var authority = new Option<string?>("--authority") { Description = "Only this authority's ONS code (the national rates still use every council)" };
        var format = new Option<string>("--format") { Description = "json, csv or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("signals",
            "Print every council's ratio of upheld complaints to those expected given its mix of services, for a year") { year, authority, format };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, financialYear)) return 1;
            var caseMix = CaseMixEngine.Compute(CaseMixQuery.ForYear(database, financialYear));
            IReadOnlyList<CaseMixRatio> councils = caseMix.Councils;
            var code = parse.GetValue(authority);
            if (code is not null)
            {
                councils = councils.Where(r => r.Code == code).ToList();
                if (councils.Count == 0) return CommonOptions.Fail($"--authority: {code} is not an authority that existed in {financialYear}");
            }
            using var output = Console.OpenStandardOutput();
            switch (parse.GetValue(format))
            {
                case "json": SignalsJson.Write(output, financialYear, councils); break;
                case "csv": output.Write(SignalsCsv.Bytes(councils)); break;
                default: Table(financialYear, councils); break;
            }
            return 0;
        });
        return command;
    }

    private static void Table(FinancialYear year, IReadOnlyList<CaseMixRatio> councils)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Code", "Authority", "Type", "Investigations", "Upheld", "Expected", "Ratio", "95% interval");
        foreach (var column in table.Columns.Skip(3)) column.RightAligned();
        foreach (var r in councils)
        {
            table.AddRow(
                new Text(r.Code), new Text(r.Name), new Text(r.Type.DisplayName()),
                new Text(r.Investigations.ToString("N0")), new Text(r.ObservedUpheld.ToString("N0")), new Text(r.ExpectedText),
                new Text(r.RatioText ?? "–", r.Comparison switch
                {
                    Comparison.Higher => new Style(Color.Red),
                    Comparison.Lower => new Style(Color.Blue),
                    _ => Style.Plain,
                }),
                new Text(r.Interval is { } i ? $"{CaseMixText.Bound(i.Low)} to {CaseMixText.Bound(i.High)}" : "–"));
        }
        console.Write(table);
        console.MarkupLine($"[grey]{year}, {councils.Count} councils. Ratio = upheld ÷ expected, where expected counts each investigation at the national " +
            "uphold rate of its category; – is no investigations. [red]Red[/] is higher than expected and [blue]blue[/] lower, where the 95% interval excludes 1. " +
            "No signals yet.[/]");
    }
}
