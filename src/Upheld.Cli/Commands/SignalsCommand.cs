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
        var part = new Option<string>("--part") { Description = "For csv: case-mix (every council's ratio) or signals (the year's service-area signals)", DefaultValueFactory = _ => "case-mix" };
        part.AcceptOnlyFromAmong("case-mix", "signals");
        var command = new Command("signals",
            "Print every council's ratio of upheld complaints to those expected given its mix of services, for a year") { year, authority, format, part };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, financialYear)) return 1;
            var caseMix = CaseMixEngine.Compute(CaseMixQuery.ForYear(database, financialYear));
            IReadOnlyList<CaseMixRatio> councils = caseMix.Councils;
            var signalYear = SignalsQuery.Compute(database, financialYear);
            IReadOnlyList<SignalTest> signals = signalYear.Signals;
            var code = parse.GetValue(authority);
            if (code is not null)
            {
                councils = councils.Where(r => r.Code == code).ToList();
                if (councils.Count == 0) return CommonOptions.Fail($"--authority: {code} is not an authority that existed in {financialYear}");
                signals = signalYear.SignalsOf(code);
            }
            using var output = Console.OpenStandardOutput();
            switch (parse.GetValue(format))
            {
                case "json": SignalsJson.Write(output, financialYear, councils, signals: signals); break;
                case "csv": output.Write(parse.GetValue(part) == "signals" ? SignalsCsv.Signals(signals) : SignalsCsv.Bytes(councils)); break;
                default: Table(financialYear, councils, signals, code is null ? signalYear.Untested : [.. signalYear.Untested.Where(u => u.Code == code)]); break;
            }
            return 0;
        });
        return command;
    }

    private static void Table(FinancialYear year, IReadOnlyList<CaseMixRatio> councils, IReadOnlyList<SignalTest> signals, IReadOnlyList<UntestedCouncil> untested)
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
            "[/]");

        var signalTable = new Table().Border(TableBorder.Simple).Title("Service-area signals, strongest first");
        signalTable.AddColumns("Code", "Authority", "Category", "Upheld", "Previous 3 years", "Expected", "p", "q");
        foreach (var column in signalTable.Columns.Skip(3)) column.RightAligned();
        foreach (var s in signals)
            signalTable.AddRow(new Text(s.Code), new Text(s.Name), new Text(s.Category), new Text(s.Observed.ToString("N0")),
                new Text(s.Previous.ToString("N0")), new Text(s.ExpectedText), new Text(s.PValue.Nearest().ToString("G3")), new Text(s.QValue.Nearest().ToString("G3")));
        console.Write(signalTable);
        foreach (var s in signals) console.WriteLine(s.Words, Style.Plain);
        console.MarkupLine($"[grey]{signals.Count} {(signals.Count == 1 ? "signal" : "signals")}: upheld complaints in a category that rose beyond what chance and the national trend explain " +
            $"(Benjamini–Hochberg q-value at most 0.05). {untested.Count} councils not tested: fewer than three earlier years of decisions by category, or the year held as totals.[/]");
    }
}
