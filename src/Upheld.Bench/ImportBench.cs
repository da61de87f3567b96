using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Upheld.Bench;

/// <summary>
/// The import into each engine beside the engine's own bulk load of the same files into bare tables (no keys, no indexes),
/// measured in the same run: <c>sqlite3 .import</c> and <c>psql \copy</c>. Each import runs as its own <c>upheld</c>
/// process, whose peak resident memory (VmHWM) is read while it runs.
/// </summary>
/// <remarks>Targets (issue 23, docs/benchmarks.md): within 4 times <c>sqlite3 .import</c>, within 6 times <c>psql \copy</c>,
/// at most 200 MB resident, and no more for ten million decisions than for one million.</remarks>
internal static class ImportBench
{
    /// <summary>What one timed process took: its wall-clock time and its peak resident memory.</summary>
    internal readonly record struct Measured(TimeSpan Elapsed, long PeakBytes);

    /// <summary>
    /// Lets the machine settle before a timed step: the page cache's unwritten pages go to disk and, on PostgreSQL, the
    /// server writes its changed pages out (a checkpoint). Otherwise a step pays for writing what the step before it left,
    /// which on this kind of machine made an import seem up to a second slower after a bulk load than after a quiet minute.
    /// </summary>
    public static void Settle(string? postgres)
    {
        Run("sync", [], environment: null);
        if (postgres is null) return;
        using var connection = new NpgsqlConnection(postgres);
        connection.Open();
        using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
        try
        {
            checkpoint.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Only a superuser or a member of pg_checkpoint may ask for one; the server then checkpoints on its own schedule.
        }
    }

    /// <summary>Times <c>sqlite3 .import</c> of every file of <paramref name="folder"/> into bare tables of a new database; null when sqlite3 is missing.</summary>
    public static TimeSpan? SqliteImportCommand(string folder, string workFolder)
    {
        var sqlite3 = OnPath("sqlite3");
        if (sqlite3 is null) return null;
        var bare = Path.Combine(workFolder, "bare.db");
        File.Delete(bare);
        var arguments = new List<string> { bare, "-cmd", ".mode csv" };
        arguments.AddRange(CsvFiles(folder).Select(f => $".import {f} {Path.GetFileNameWithoutExtension(f)}"));
        var watch = Stopwatch.StartNew();
        Run(sqlite3, arguments, environment: null);
        watch.Stop();
        return watch.Elapsed;
    }

    /// <summary>
    /// The anchor of the statistics: <c>sqlite3</c> counting the bare decisions table (left by <see cref="SqliteImportCommand"/>)
    /// by council, outcome and remedy, what a year's statistics need from a million decisions; then the bare database goes.
    /// </summary>
    public static TimeSpan? SqliteGroupBy(string workFolder)
    {
        var sqlite3 = OnPath("sqlite3");
        var bare = Path.Combine(workFolder, "bare.db");
        if (sqlite3 is null || !File.Exists(bare)) return null;
        try
        {
            var watch = Stopwatch.StartNew();
            Run(sqlite3, [bare, BareGroupBy("decisions")], environment: null);
            return watch.Elapsed;
        }
        finally
        {
            File.Delete(bare);
        }
    }

    /// <summary>The same count on PostgreSQL's bare table (left by <see cref="PsqlCopy"/>) through <c>psql</c>.</summary>
    public static TimeSpan? PsqlGroupBy(string connectionString)
    {
        var psql = OnPath("psql");
        if (psql is null) return null;
        var (arguments, environment) = PsqlArguments(connectionString);
        arguments.AddRange(["-c", BareGroupBy("bare_decisions")]);
        var watch = Stopwatch.StartNew();
        Run(psql, arguments, environment);
        return watch.Elapsed;
    }

    private static string BareGroupBy(string table) =>
        $"SELECT authority_code, outcome, remedied_by_authority, COUNT(*) FROM {table} GROUP BY authority_code, outcome, remedied_by_authority";

    private static (List<string> Arguments, Dictionary<string, string>? Environment) PsqlArguments(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var arguments = new List<string> { "-v", "ON_ERROR_STOP=1", "-q", "-o", "/dev/null", "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture),
            "-U", builder.Username!, "-d", builder.Database! };
        return (arguments, builder.Password is { } password ? new Dictionary<string, string> { ["PGPASSWORD"] = password } : null);
    }

    /// <summary>Drops the bare tables <see cref="PsqlCopy"/> made.</summary>
    public static void DropBareTables(string folder, string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var file in CsvFiles(folder))
        {
            using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS bare_{Path.GetFileNameWithoutExtension(file)}", connection);
            drop.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Times <c>psql \copy</c> of every file of <paramref name="folder"/> into bare tables of all-text columns, left for
    /// <see cref="PsqlGroupBy"/> and <see cref="DropBareTables"/>; null when psql is missing.
    /// </summary>
    public static TimeSpan? PsqlCopy(string folder, string connectionString)
    {
        var psql = OnPath("psql");
        if (psql is null) return null;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            foreach (var file in CsvFiles(folder))
            {
                var header = File.ReadLines(file).First().Split(',');
                using var create = new NpgsqlCommand(
                    $"DROP TABLE IF EXISTS bare_{Path.GetFileNameWithoutExtension(file)}; " +
                    $"CREATE TABLE bare_{Path.GetFileNameWithoutExtension(file)} ({string.Join(", ", header.Select(h => $"{h} text"))})", connection);
                create.ExecuteNonQuery();
            }
        }
        var (arguments, environment) = PsqlArguments(connectionString);
        foreach (var file in CsvFiles(folder))
        {
            arguments.Add("-c");
            arguments.Add($"\\copy bare_{Path.GetFileNameWithoutExtension(file)} FROM '{file}' WITH (FORMAT csv, HEADER true)");
        }
        var watch = Stopwatch.StartNew();
        Run(psql, arguments, environment);
        watch.Stop();
        return watch.Elapsed;
    }

    /// <summary>Runs <c>upheld</c> with <paramref name="arguments"/> as a child process: its time and its peak resident memory.</summary>
    public static Measured Upheld(string step, string[] arguments)
    {
        var (file, prefix) = BenchCommand.Self();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in prefix.Concat(arguments)) start.ArgumentList.Add(argument);
        BenchCommand.AsUpheldRunsIt(start, arguments[0]);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        // VmHWM is the process's own high-water mark, so reading it often enough before the exit catches the peak.
        while (!process.WaitForExit(20)) peak = Math.Max(peak, HighWaterMark(process.Id));
        watch.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{step} failed: {errors.Result}{output.Result}");
        return new Measured(watch.Elapsed, peak);
    }

    /// <summary>A new, empty PostgreSQL database on the server of <paramref name="server"/>, and its connection string.</summary>
    public static string CreateDatabase(string server, string name)
    {
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public static void DropDatabase(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            // The process has just exited.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private static IEnumerable<string> CsvFiles(string folder) => Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal);

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static void Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 || errors.Result.Length > 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed: {errors.Result}{output.Result}");
    }
}
