using System.CommandLine;
using System.Diagnostics;
using Upheld.Authorities;

namespace Upheld.Bench;

/// <summary><c>upheld bench [--decisions N]</c>: times the import and the statistics on a synthetic national dataset (<c>bench letters</c> and <c>bench site</c> time the letters and the site).</summary>
/// <remarks>
/// Each step runs as a separate <c>upheld</c> process, so the figures are the wall-clock times a user sees,
/// start-up included. Targets on a 2-core machine: 1,000,000 decisions imported into SQLite in under 15 s,
/// statistics of one year as JSON in under 1 s.
/// </remarks>
public static class BenchCommand
{
    public static Command Create(Option<string?> database)
    {
        var decisions = new Option<int>("--decisions") { Description = "How many decisions to generate", DefaultValueFactory = _ => 1_000_000 };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated folder and database" };
        var command = new Command("bench", "Run the benchmarks and print their figures") { decisions, keep };
        command.Subcommands.Add(LettersBench.Create(database));
        command.Subcommands.Add(SiteBench.Create());
        command.Subcommands.Add(SearchBench.Create(database));
        command.Subcommands.Add(ExportBench.Create(database));
        command.Subcommands.Add(SoakBench.Create());
        command.Subcommands.Add(SignalsBench.Create());
        command.SetAction(parse =>
        {
            var work = Directory.CreateTempSubdirectory("upheld-bench-");
            var folder = Path.Combine(work.FullName, "import");
            var dbOption = parse.GetValue(database);
            var db = dbOption ?? Path.Combine(work.FullName, "bench.db");
            var count = parse.GetValue(decisions);
            try
            {
                var year = new FinancialYear(2019);
                var generated = Stopwatch.StartNew();
                var rows = SyntheticDataset.Write(folder, count, year, ReferenceData.Councils().Where(c => c.ExistsIn(year)).ToList());
                Report("generate", $"{count:N0} decisions, {rows - count:N0} compliance outcomes", generated.Elapsed);

                var import = Time("import", ["import", folder, "--db", db]);
                Report("import", $"{rows / import.TotalSeconds:N0} rows per second (target: 1,000,000 decisions in under 15 s)", import);
                var again = Time("import again (every row unchanged)", ["import", folder, "--db", db]);
                Report("import again", $"{rows / again.TotalSeconds:N0} rows per second", again);
                var json = Time("stats json", ["stats", "--year", year.ToString(), "--format", "json", "--db", db]);
                Report("stats --format json", "every authority and all averages for one year (target: under 1 s)", json);
                var mean = Time("stats mean", ["stats", "--year", year.ToString(), "--format", "json", "--average", "mean", "--db", db]);
                Report("stats --average mean", "the same with means of rates", mean);
                return 0;
            }
            finally
            {
                if (parse.GetValue(keep)) Console.WriteLine($"kept {work.FullName}");
                else work.Delete(recursive: true);
            }
        });
        return command;
    }

    internal static void Report(string step, string detail, TimeSpan elapsed) =>
        Console.WriteLine($"{step,-22} {elapsed.TotalSeconds,8:F2} s   {detail}");

    internal static TimeSpan Time(string step, string[] arguments)
    {
        var (file, prefix) = Self();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Concat(arguments)) start.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{step} failed: {errors.Result}");
        _ = output.Result;
        return watch.Elapsed;
    }

    // Started as the apphost, the process path is the program itself; started through 'dotnet', it needs the assembly.
    internal static (string File, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [System.Reflection.Assembly.GetEntryAssembly()!.Location]) : (path, []);
    }
}
