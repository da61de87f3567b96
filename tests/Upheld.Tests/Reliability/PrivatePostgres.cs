using System.Diagnostics;

namespace Upheld.Tests.Reliability;

/// <summary>A PostgreSQL server of the test's own, in a temporary directory on a free port, which the test may stop and
/// start without disturbing the shared server other tests use.</summary>
/// <remarks>Needs PostgreSQL's server programs; run as root, the server runs as the postgres user. Skipped outside CI when missing, failed in CI.</remarks>
public sealed class PrivatePostgres : IDisposable
{
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=upheld;Database=postgres;Timeout=5";

    public static PrivatePostgres Create()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            const string message = "PostgreSQL's server programs (initdb, pg_ctl) are missing; ./test installs them";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
            Skip.If(true, message);
        }
        Bin = bin!;
        var directory = Directory.CreateTempSubdirectory("upheld-private-postgres-").FullName;
        if (Environment.UserName == "root") Run("chown", "-R", "postgres:postgres", directory);
        var server = new PrivatePostgres(directory, ServeProcess.FreePort());
        server.PgTool("initdb", "-D", Path.Combine(directory, "data"), "-U", "upheld", "--auth=trust", "-E", "UTF8", "--no-sync");
        server.Start();
        return server;
    }

    private static string Bin { get; set; } = "";

    public void Start() => PgTool("pg_ctl", "-D", Path.Combine(_directory, "data"), "-l", Path.Combine(_directory, "log"), "-w",
        "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public void Stop(string mode = "fast") => PgTool("pg_ctl", "-D", Path.Combine(_directory, "data"), "-w", "-m", mode, "stop");

    public void Dispose()
    {
        try
        {
            Stop("immediate");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_directory, recursive: true);
    }

    private void PgTool(string tool, params string[] arguments) =>
        Run(Environment.UserName == "root" ? "runuser" : Path.Combine(Bin, tool),
            Environment.UserName == "root" ? ["-u", "postgres", "--", Path.Combine(Bin, tool), .. arguments] : arguments);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}{output.Result}");
    }
}
