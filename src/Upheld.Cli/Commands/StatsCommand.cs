using System.CommandLine;
using Spectre.Console;
using Upheld.Statistics;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld stats --year Y [--authority CODE] [--format json|csv|table] [--average pooled|mean]</c>.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var authority = new Option<string?>("--authority") { Description = "Only this authority's ONS code (averages still use every authority of its type)" };
        var format = new Option<string>("--format") { Description = "json, csv or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var average = new Option<string>("--average") { Description = "How averages for similar authorities are formed: pooled or mean (of rates)", DefaultValueFactory = _ => "pooled" };
        average.AcceptOnlyFromAmong("pooled", "mean");
        var command = new Command("stats", "Print every authority's statistics for a year") { year, authority, format, average };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, financialYear)) return 1;
            var results = StatisticsEngine.Compute(CountsQuery.ForYear(database, financialYear),
                AverageMethods.Parse(parse.GetValue(average)!)!.Value);
            var code = parse.GetValue(authority);
            if (code is not null)
            {
                results = results.Where(r => r.Code == code).ToList();
                if (results.Count == 0) return CommonOptions.Fail($"--authority: {code} is not an authority that existed in {financialYear}");
            }
            using var output = Console.OpenStandardOutput();
            switch (parse.GetValue(format))
            {
                case "json": StatisticsJson.Write(output, results); break;
                case "csv": StatisticsCsv.Write(output, results); break;
                default: StatisticsTable.Write(results); break;
            }
            return 0;
        });
        return command;
    }
}
