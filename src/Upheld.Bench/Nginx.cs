using System.Diagnostics;
using System.Globalization;

namespace Upheld.Bench;

/// <summary>nginx serving one page's bytes from a file, as the anchor beside the site's own figure for that page.</summary>
/// <remarks>
/// Its own configuration in the bench's work folder: one worker per core, no access log, keep-alive without limit, the
/// file sent with sendfile as nginx serves any static file. Run in the foreground as this process's child and killed with it.
/// </remarks>
internal sealed class Nginx : IDisposable
{
    public const string PagePath = "/page.html";

    private readonly Process _process;

    private Nginx(Process process, string address) => (_process, Address) = (process, address);

    public string Address { get; }

    /// <summary>Starts nginx over <paramref name="page"/>; null when nginx is not installed.</summary>
    public static async Task<Nginx?> Start(byte[] page, string work)
    {
        var program = new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "nginx")))
            .FirstOrDefault(File.Exists);
        if (program is null) return null;
        var folder = Directory.CreateDirectory(Path.Combine(work, "nginx")).FullName;
        var root = Directory.CreateDirectory(Path.Combine(folder, "root")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(root, PagePath.TrimStart('/')), page);
        // Started by root, nginx's workers run as an unprivileged user, who must be able to reach the page.
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows())
            foreach (var directory in new[] { work, folder, root }) File.SetUnixFileMode(directory, readable);
        var port = SiteBench.FreePort();
        var configuration = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            worker_processes {{Environment.ProcessorCount}};
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 10000000;
                keepalive_timeout 60s;
                types { text/html html; }
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                }
            }
            """));
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", configuration, "-p", folder, "-e", Path.Combine(folder, "error.log") }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var nginx = new Nginx(process, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = new Uri(nginx.Address) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx stopped at start: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await probe.GetByteArrayAsync(PagePath)).Length == page.Length) return nginx;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        nginx.Dispose();
        throw new TimeoutException("nginx did not start within 10 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
