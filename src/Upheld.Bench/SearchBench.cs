using System.CommandLine;
using System.Diagnostics;
using Upheld.Authorities;
using Upheld.Cases;
using Upheld.Storage;

namespace Upheld.Bench;

/// <summary><c>upheld bench search [--decisions N] [--db …]</c>: times decision searches over a synthetic national dataset.</summary>
/// <remarks>
/// Generates and imports the dataset (the import as its own process, as a user runs it), publishes 2019-20, then
/// times word searches with a council filter in this process, as the site runs them: the database's time plus
/// the reading of one page of twenty and the count. Target: p95 under 20 ms over 1,000,000 decisions, for both kinds.
/// </remarks>
internal static class SearchBench
{
    public static Command Create(Option<string?> database)
    {
        var decisions = new Option<int>("--decisions") { Description = "How many decisions to generate", DefaultValueFactory = _ => 1_000_000 };
        var queries = new Option<int>("--queries") { Description = "How many searches to time", DefaultValueFactory = _ => 200 };
        var existing = new Option<bool>("--existing") { Description = "Time searches over the --db dataset an earlier run left, without generating it again" };
        var command = new Command("search", "Time decision searches (words and a council) over a synthetic dataset") { decisions, queries, existing };
        command.SetAction(parse =>
        {
            var work = Directory.CreateTempSubdirectory("upheld-bench-search-");
            var folder = Path.Combine(work.FullName, "import");
            var db = parse.GetValue(database) ?? Path.Combine(work.FullName, "bench.db");
            try
            {
                var year = new FinancialYear(2019);
                var councils = ReferenceData.Councils().Where(c => c.ExistsIn(year)).ToList();
                if (!parse.GetValue(existing))
                {
                    var generated = Stopwatch.StartNew();
                    SyntheticDataset.Write(folder, parse.GetValue(decisions), year, councils);
                    BenchCommand.Report("generate", $"{parse.GetValue(decisions):N0} decisions", generated.Elapsed);
                    var import = BenchCommand.Time("import", ["import", folder, "--db", db]);
                    BenchCommand.Report("import", "with the full-text index kept in step", import);
                }
                var database = Database.FromOption(db);
                database.Migrate(); // a dataset left by an older build may lack newer tables
                Upheld.Publishing.SetPublication.Run(database, year, DateTimeOffset.UtcNow.AddDays(-1), Upheld.Accounts.Actor.CommandLine(Environment.UserName), TimeProvider.System);
                Run(database, councils, [year], parse.GetValue(queries));
                return 0;
            }
            finally
            {
                work.Delete(recursive: true);
            }
        });
        return command;
    }

    private static void Run(Database database, IReadOnlyList<Authority> councils, FinancialYear[] published, int count)
    {
        var random = new Random(7);
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"load average before the searches: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        using var connection = database.Connect();
        DecisionFilter Next() => new(SyntheticDataset.Subjects[random.Next(SyntheticDataset.Subjects.Length)], councils[random.Next(councils.Count)].Code);
        // A few searches first, so the figures are of a warm cache and compiled code, as on a running site.
        for (var warm = 0; warm < 20; warm++) DecisionSearch.Find(connection, database.Provider, Next(), published);
        var timings = new List<double>();
        long found = 0;
        for (var i = 0; i < count; i++)
        {
            var filter = Next();
            var started = Stopwatch.GetTimestamp();
            found += DecisionSearch.Find(connection, database.Provider, filter, published).Total;
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        Console.WriteLine($"search words + council   {count} queries on {database.Provider}, {found / (double)count:N0} matches each on average");
        Console.WriteLine($"  p50 {timings[count / 2],7:F1} ms   p95 {timings[(int)(count * 0.95)],7:F1} ms   max {timings[^1],7:F1} ms   (target: p95 under 20 ms)");
        // Without a council a word matches tens of thousands of decisions: the count stops at 1,000, so these should be as quick.
        var wide = new List<double>();
        var counted = 0;
        for (var i = 0; i < 40; i++)
        {
            var filter = new DecisionFilter(SyntheticDataset.Subjects[random.Next(SyntheticDataset.Subjects.Length)]);
            var started = Stopwatch.GetTimestamp();
            counted = DecisionSearch.Find(connection, database.Provider, filter, published).Total;
            wide.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        wide.Sort();
        Console.WriteLine($"search one word, no council   40 queries, count stopped at {counted:N0}");
        Console.WriteLine($"  p50 {wide[20],7:F1} ms   p95 {wide[38],7:F1} ms   max {wide[^1],7:F1} ms   (target: p95 under 20 ms)");
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"load average after the run: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    }
}
