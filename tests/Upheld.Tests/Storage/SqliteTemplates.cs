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
/// connections are closed, before anything copies it; nothing writes to it afterwards. The files are deleted when the test
/// host exits normally; a killed run leaves a few small files in the temporary directory.
/// </remarks>
internal static class SqliteTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> ByKey = new();

    /// <summary>A migrated database holding only the reference data.</summary>
    public static string Migrated() => Prepared("migrated", _ => { });

    /// <summary>A migrated database holding what <paramref name="prepare"/> writes, made the first time <paramref name="key"/> is asked for.</summary>
    public static string Prepared(string key, Action<Database> prepare) =>
        ByKey.GetOrAdd(key, _ => new Lazy<string>(() => Create(prepare))).Value;

    private static string Create(Action<Database> prepare)
    {
        var path = Path.Combine(Path.GetTempPath(), $"upheld-template-{Guid.NewGuid():N}.db");
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
}
