using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Upheld.Tests.Reliability;

/// <summary>An <c>upheld serve</c> process on a free loopback port, as a production instance runs, stopped on dispose.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, string address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Address { get; }
    public HttpClient Client { get; }

    public static async Task<ServeProcess> StartAsync(string db)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Upheld.Cli.dll"), "serve", "--db", db, "--urls", address })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var serving = new ServeProcess(process, address);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var response = await serving.Client.GetAsync("/about");
                if (response.IsSuccessStatusCode) return serving;
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited) break;
            await Task.Delay(100);
        }
        serving.Dispose();
        throw new TimeoutException($"upheld serve did not start at {address}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
