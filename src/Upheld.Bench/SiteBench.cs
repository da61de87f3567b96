using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Upheld.Demo;
using Upheld.Storage;

namespace Upheld.Bench;

/// <summary><c>upheld bench site</c>: serves the demonstration data and drives pages with concurrent requests on loopback.</summary>
/// <remarks>
/// The site runs as its own <c>upheld serve</c> process; this process is the client, so both share the machine's
/// cores as a real load test on one machine would. Targets on 2 cores: 1,000 council pages a second at 32
/// connections with p99 under 50 ms, and a council page under 150 KB transferred with its styles, compressed.
/// </remarks>
internal static class SiteBench
{
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds") { Description = "How long to drive each page", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = "Concurrent connections", DefaultValueFactory = _ => 32 };
        var command = new Command("site", "Serve the demonstration data and measure pages per second and latency") { seconds, connections };
        command.SetAction(parse => Run(parse.GetValue(seconds), parse.GetValue(connections)).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> Run(int seconds, int connections)
    {
        var work = Directory.CreateTempSubdirectory("upheld-bench-site-");
        var database = Database.Sqlite(Path.Combine(work.FullName, "site.db"));
        var loading = Stopwatch.StartNew();
        DemoDataset.Load(database);
        Console.WriteLine($"demonstration data loaded in {loading.Elapsed.TotalSeconds:F1} s");
        var address = $"http://127.0.0.1:{FreePort()}";
        var (file, prefix) = BenchCommand.Self();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Concat(["serve", "--db", Path.Combine(work.FullName, "site.db"), "--urls", address])) start.ArgumentList.Add(argument);
        using var server = Process.Start(start)!;
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            await WaitUntilServing(client);
            var council = "/councils/E10000034/worcestershire/2019-20";
            var page = await Size(client, council);
            var css = await Size(client, "/css/upheld.css") + await Size(client, "/css/site.css");
            Console.WriteLine($"council page transferred with brotli: {page / 1024.0:F1} KB, with its styles {(page + css) / 1024.0:F1} KB (target: under 150 KB)");
            foreach (var path in new[] { council, "/maps/2019-20/uphold/lower", "/councils/E06000017/rutland/2019-20" })
                await Drive(client, path, TimeSpan.FromSeconds(seconds), connections);
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    private static async Task Drive(HttpClient client, string path, TimeSpan duration, int connections)
    {
        for (var warm = 0; warm < 200; warm++) (await client.GetAsync(path)).Dispose();
        var latencies = new List<double>[connections];
        var errors = 0;
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            latencies[worker] = [];
            while (until.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine($"{path,-44} {all.Count / until.Elapsed.TotalSeconds,8:N0} requests/s   p50 {all[all.Count / 2],6:F1} ms   " +
            $"p99 {all[(int)(all.Count * 0.99)],6:F1} ms   errors {errors}   ({connections} connections, {until.Elapsed.TotalSeconds:F0} s)");
    }

    private static async Task<long> Size(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var response = await client.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    internal static async Task WaitUntilServing(HttpClient client)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/about");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the site did not start within 30 s");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
