using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Dapper;
using Upheld.Authorities;
using Upheld.Demo;
using Upheld.Storage;
using Upheld.Web.Hosting;

namespace Upheld.Bench;

/// <summary><c>upheld bench soak [--minutes N] [--connections C]</c>: the public site under sustained concurrent load.</summary>
/// <remarks>
/// Serves the demonstration data from its own <c>upheld serve</c> process and drives a mix of public pages, data and
/// downloads for minutes on end, printing each minute's requests, errors, p50/p99 and the server's memory, so a leak or a
/// slow failure shows as a rising line: the server's working set, and its managed heap as the server reports it. Target: zero errors and flat memory. Too long for CI; run it by hand.
/// </remarks>
internal static class SoakBench
{
    public static Command Create()
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to drive the site", DefaultValueFactory = _ => 5 };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections", DefaultValueFactory = _ => 32 };
        var command = new Command("soak", "Serve the demonstration data and drive a mix of public pages for minutes, printing errors, latency and memory")
            { minutes, connections };
        command.SetAction(parse => Run(TimeSpan.FromMinutes(parse.GetValue(minutes)), parse.GetValue(connections)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(TimeSpan duration, int connections)
    {
        var work = Directory.CreateTempSubdirectory("upheld-bench-soak-");
        var file = Path.Combine(work.FullName, "site.db");
        var database = Database.Sqlite(file);
        DemoDataset.Load(database);
        var paths = Paths(database);
        var address = $"http://127.0.0.1:{SiteBench.FreePort()}";
        var (program, prefix) = BenchCommand.Self();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[MemoryReport.Variable] = "5";
        var heap = "";
        foreach (var argument in prefix.Concat(["serve", "--db", file, "--urls", address])) start.ArgumentList.Add(argument);
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith(MemoryReport.Prefix, StringComparison.Ordinal) == true) heap = line.Data[MemoryReport.Prefix.Length..].Trim();
        };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            await SiteBench.WaitUntilServing(client);
            foreach (var path in paths) (await client.GetAsync(path)).Dispose(); // every page once, so the start is measured warm
            Console.WriteLine($"{paths.Count} distinct URLs (council pages, maps, compare, decisions, search, API, CSV), {connections} connections, {duration.TotalMinutes:F1} minutes");
            Console.WriteLine($"{"minute",6} {"requests",10} {"req/s",8} {"errors",7} {"p50 ms",8} {"p99 ms",8} {"server MB",10}  managed heap (GC)");
            Console.WriteLine($"{"start",6} {"",10} {"",8} {"",7} {"",8} {"",8} {Megabytes(server),10:F1}  {heap}");
            var totals = new SoakWindow();
            var clock = Stopwatch.StartNew();
            var minute = 0;
            while (clock.Elapsed < duration)
            {
                var length = TimeSpan.FromMinutes(Math.Min(1, (duration - clock.Elapsed).TotalMinutes));
                var window = await Drive(client, paths, length, connections);
                totals.Add(window);
                Console.WriteLine($"{++minute,6} {window.Count,10:N0} {window.Count / length.TotalSeconds,8:N0} {window.Errors,7} {window.Percentile(0.5),8:F1} {window.Percentile(0.99),8:F1} {Megabytes(server),10:F1}  {heap}");
            }
            Console.WriteLine($"{"total",6} {totals.Count,10:N0} {totals.Count / clock.Elapsed.TotalSeconds,8:N0} {totals.Errors,7} {totals.Percentile(0.5),8:F1} {totals.Percentile(0.99),8:F1} {Megabytes(server),10:F1}  {heap}");
            foreach (var (failure, count) in totals.Failures.OrderByDescending(f => f.Value).Take(20)) Console.WriteLine($"  {count:N0} times: {failure}");
            return totals.Errors == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    /// <summary>A mix of what the public reads: every council page of a year, maps, compare pages, decisions, searches, API and downloads.</summary>
    private static List<string> Paths(Database database)
    {
        var year = new FinancialYear(2019);
        var paths = ReferenceData.Councils().Where(c => c.ExistsIn(year)).Select(c => $"/councils/{c.Code}/{Slug.For(c.Name)}/{year}").ToList();
        using var connection = database.Connect();
        paths.AddRange(connection.Query<string>("SELECT case_ref FROM decisions WHERE year = 2019 AND outcome = 'upheld' ORDER BY case_ref LIMIT 100").Select(r => $"/decisions/{r}"));
        foreach (var statistic in new[] { "uphold", "compliance", "satisfactory-remedy", "per-100k" })
        {
            paths.Add($"/maps/{year}/{statistic}/lower");
            paths.Add($"/maps/{year}/{statistic}/upper.csv");
            paths.Add($"/compare/county/{year}/{statistic}");
        }
        paths.AddRange(["/", "/about", "/years/2019-20", "/years/2019-20/statistics.csv", "/api/v1/statistics?year=2019-20", "/api/v1/authorities",
            "/search?q=bor", "/decisions?q=school", "/decisions?q=care&page=2", "/css/upheld.css", "/js/site.js", "/councils/E10000034/worcestershire/2019-20/decisions.csv"]);
        return paths;
    }

    private static async Task<SoakWindow> Drive(HttpClient client, IReadOnlyList<string> paths, TimeSpan duration, int connections)
    {
        var windows = new SoakWindow[connections];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var window = windows[worker] = new SoakWindow();
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                string status;
                try
                {
                    var path = paths[random.Next(paths.Count)];
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    status = response.StatusCode == HttpStatusCode.OK ? "" : $"{(int)response.StatusCode} for {path}";
                }
                catch (HttpRequestException e)
                {
                    status = e.Message;
                }
                window.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, status);
            }
        }));
        var all = new SoakWindow();
        foreach (var window in windows) all.Add(window);
        return all;
    }

    private static double Megabytes(Process process)
    {
        process.Refresh();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }
}
