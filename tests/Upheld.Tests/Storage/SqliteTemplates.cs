using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;
using Upheld.Storage;

namespace Upheld.Tests.Storage;

/// <summary>
/// The SQLite counterpart of <see cref="PostgresTemplates"/>: database files made once per test run, migrated and holding
/// what a fixture prepares, which each test's database copies byte for byte.
/// </summary>
/// <remarks>
/// A template is complete in its one file: the write-ahead log is checkpointed into it and emptied, and its idle pooled
/// connections are closed, before anything copies it; nothing writes to it afterwards. Each file's name carries the test
/// host's process id: the files are deleted when the host exits normally, and the first template of a later run deletes
/// those of runs whose process is gone (the host is often ended too abruptly for a handler at exit).
/// </remarks>
internal static class SqliteTemplates
{
    private const string Prefix = "upheld-template-";
    private static readonly ConcurrentDictionary<string, Lazy<string>> ByKey = new();
    private static readonly Lazy<bool> DeadRunsSwept = new(SweepDeadRuns);

    /// <summary>A migrated database holding only the reference data.</summary>
    public static string Migrated() => Prepared("migrated", _ => { });

    /// <summary>A migrated database holding what <paramref name="prepare"/> writes, made the first time <paramref name="key"/> is asked for.</summary>
    public static string Prepared(string key, Action<Database> prepare) =>
        ByKey.GetOrAdd(key, _ => new Lazy<string>(() => Create(prepare))).Value;

    private static string Create(Action<Database> prepare)
    {
        _ = DeadRunsSwept.Value;
        var path = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        };
        var database = Database.Sqlite(path);
        database.Migrate();
        prepare(database);
        using (var connection = database.Connect())
        {
            var (busy, _, _) = connection.QuerySingle<(long, long, long)>("PRAGMA wal_checkpoint(TRUNCATE)");
            if (busy != 0) throw new InvalidOperationException($"the template {path} could not be checkpointed: a connection is still reading it");
            SqliteConnection.ClearPool((SqliteConnection)connection);
        }
        return path;
    }

    private static bool SweepDeadRuns()
    {
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Prefix + "*"))
        {
            var pid = Path.GetFileName(file)[Prefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out var id) || Alive(id)) continue;
            try { File.Delete(file); }
            catch (IOException) { } // another run sweeping at the same moment
        }
        return true;
    }

    private static bool Alive(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
