using System.CommandLine;
using System.Diagnostics;
using Upheld.Authorities;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Bench;

/// <summary><c>upheld bench [--decisions N] [--postgres CONNECTION]</c>: times the import into SQLite and PostgreSQL beside each engine's own bulk load, and the statistics (<c>bench letters</c>, <c>bench site</c>… time the rest).</summary>
/// <remarks>
/// Each step runs as a separate <c>upheld</c> process, so the figures are the wall-clock times a user sees, start-up
/// included, and each import's peak resident memory is its own. Targets on a 2-core machine (docs/benchmarks.md): the
/// import within 4 times <c>sqlite3 .import</c> and 6 times <c>psql \copy</c> of the same files into bare tables, at most
/// 200 MB resident whatever the size of the file; statistics of one year as JSON in under 1 s.
/// </remarks>
public static class BenchCommand
{
    public static Command Create(Option<string?> database)
    {
        var decisions = new Option<int>("--decisions") { Description = "How many decisions to generate", DefaultValueFactory = _ => 1_000_000 };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "A PostgreSQL server to time as well (Host=…;Username=…;Password=…;Database=postgres): the bench creates and drops databases of its own there",
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated folder and the SQLite database" };
        var command = new Command("bench", "Run the benchmarks and print their figures") { decisions, postgres, keep };
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
            var db = Path.Combine(work.FullName, "bench.db");
            var count = parse.GetValue(decisions);
            try
            {
                if (File.Exists("/proc/loadavg"))
                    Console.WriteLine($"load average at the start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
                var year = new FinancialYear(2019);
                var generated = Stopwatch.StartNew();
                var rows = SyntheticDataset.Write(folder, count, year, ReferenceData.Councils().Where(c => c.ExistsIn(year)).ToList());
                Report("generate", $"{count:N0} decisions, {rows - count:N0} compliance outcomes, {FolderMegabytes(folder):N0} MB", generated.Elapsed);

                Console.WriteLine("SQLite");
                ImportBench.Settle(postgres: null);
                var anchor = ImportBench.SqliteImportCommand(folder, work.FullName);
                ImportSteps("sqlite3 .import", anchor, "sqlite3 is not installed (apt-get install sqlite3)", 4, folder, db, rows, postgres: null);
                StatisticsSteps(ImportBench.SqliteGroupBy(work.FullName), "sqlite3 GROUP BY", db, year, "at most 0.5 times sqlite3 GROUP BY");
                var mean = Time("stats mean", ["stats", "--year", year.ToString(), "--format", "json", "--average", "mean", "--db", db]);
                Report("stats --average mean", "the same with means of rates, as its own process", mean);

                Console.WriteLine("PostgreSQL");
                if (parse.GetValue(postgres) is not { } server)
                {
                    Console.WriteLine("  skipped: give --postgres with a server's connection string to time PostgreSQL");
                    return 0;
                }
                var name = $"upheld_bench_{Environment.ProcessId}";
                try
                {
                    var connection = ImportBench.CreateDatabase(server, name);
                    Time("migrate", ["stats", "--year", year.ToString(), "--format", "json", "--db", connection]);
                    ImportBench.Settle(connection);
                    var copy = ImportBench.PsqlCopy(folder, connection);
                    var groupBy = copy is null ? null : ImportBench.PsqlGroupBy(connection);
                    if (copy is not null) ImportBench.DropBareTables(folder, connection);
                    ImportSteps("psql \\copy", copy, "psql is not installed (apt-get install postgresql-client)", 6, folder, connection, rows, postgres: connection);
                    StatisticsSteps(groupBy, "psql GROUP BY", connection, year, "under 0.5 s");
                }
                finally
                {
                    ImportBench.DropDatabase(server, name);
                }
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

    /// <summary>The engine's own bulk load, the import beside it with the ratio and peak memory, then the same import again, each from a settled machine.</summary>
    private static void ImportSteps(string anchorName, TimeSpan? anchor, string missing, int target, string folder, string db, int rows, string? postgres)
    {
        ImportBench.Settle(postgres);
        if (anchor is { } bulk) Report(anchorName, "the same files into bare tables (no keys, no indexes)", bulk);
        else Console.WriteLine($"{anchorName,-22}     skipped: {missing}");
        var import = ImportBench.Upheld("import", ["import", folder, "--db", db]);
        var ratio = anchor is { } a ? $"{import.Elapsed / a:F1} times {anchorName} (target: at most {target})" : "no bulk load to compare with";
        Report("import", $"{ratio}; peak memory {import.PeakBytes / 1_000_000.0:N0} MB (target: at most 200 MB); {rows / import.Elapsed.TotalSeconds:N0} rows a second", import.Elapsed);
        ImportBench.Settle(postgres);
        var again = ImportBench.Upheld("import again", ["import", folder, "--db", db]);
        Report("import again", $"every row unchanged; peak memory {again.PeakBytes / 1_000_000.0:N0} MB", again.Elapsed);
    }

    /// <summary>
    /// A year's statistics beside the engine's own count of the bare table: computed in this process (the counts read, every
    /// figure and average, the JSON written), the first time with its code compiled and then the best of three, as a running
    /// site computes them; and <c>upheld stats</c> as its own process, start-up included.
    /// </summary>
    private static void StatisticsSteps(TimeSpan? anchor, string anchorName, string db, FinancialYear year, string target)
    {
        if (anchor is { } bare) Report(anchorName, "the bare decisions counted by council, outcome and remedy", bare);
        else Console.WriteLine($"{anchorName,-22}     skipped: the bulk-load tool is missing");
        var database = Database.FromOption(db);
        TimeSpan Once()
        {
            var watch = Stopwatch.StartNew();
            var results = StatisticsEngine.Compute(CountsQuery.ForYear(database, year), AverageMethod.Pooled);
            StatisticsJson.Write(Stream.Null, results);
            return watch.Elapsed;
        }
        var first = Once();
        var best = Enumerable.Range(0, 3).Select(_ => Once()).Min();
        string Ratio(TimeSpan t) => anchor is { } a ? $"{t / a:F2} times {anchorName}" : "no bare count to compare with";
        Report("statistics, first", $"{Ratio(first)}; every authority and all averages for one year, in this process", first);
        Report("statistics", $"{Ratio(best)} (target: {target}); the best of three more, as a running site computes them", best);
        var json = Time("stats json", ["stats", "--year", year.ToString(), "--format", "json", "--db", db]);
        Report("stats --format json", $"{Ratio(json)}; the command as its own process, start-up included", json);
    }

    private static double FolderMegabytes(string folder) => Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) / 1_000_000.0;

    internal static void Report(string step, string detail, TimeSpan elapsed) =>
        Console.WriteLine($"{step,-22} {elapsed.TotalSeconds,8:F2} s   {detail}");

    internal static TimeSpan Time(string step, string[] arguments)
    {
        var (file, prefix) = Self();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Concat(arguments)) start.ArgumentList.Add(argument);
        AsUpheldRunsIt(start, arguments[0]);
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

    /// <summary>The runtime settings <c>./upheld</c> gives <paramref name="command"/> (docs/benchmarks.md "Start-up"), unless already set.</summary>
    internal static void AsUpheldRunsIt(ProcessStartInfo start, string command)
    {
        // The export, the letters and an import, runs of seconds, go without profile-guided re-compilation.
        if (command is "export" or "letters" or "import" or "demo" && Environment.GetEnvironmentVariable("DOTNET_TieredPGO") is null) start.Environment["DOTNET_TieredPGO"] = "0";
        // An import or the demonstration with a 32 MB first generation for the collector.
        if (command is "import" or "demo" && Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is null) start.Environment["DOTNET_GCgen0size"] = "0x2000000";
    }

    // Started as the apphost, the process path is the program itself; started through 'dotnet', it needs the assembly.
    internal static (string File, string[] Prefix) Self()
    {
        var path = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? (path, [System.Reflection.Assembly.GetEntryAssembly()!.Location]) : (path, []);
    }
}
