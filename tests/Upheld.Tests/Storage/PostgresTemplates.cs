using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using Upheld.Storage;

namespace Upheld.Tests.Storage;

/// <summary>
/// The PostgreSQL databases of one test run: templates made once per run, which each test's database copies
/// (<c>CREATE DATABASE … TEMPLATE</c> takes a fraction of a second, where migrating and loading the reference data
/// take well over one), and the names of the copies.
/// </summary>
/// <remarks>
/// Templates are private to the run, so no other run is connected to one while it is copied (PostgreSQL refuses that)
/// and none is left from an older build. Every name carries the run's number, which the run holds as an advisory lock
/// while it lives; the next run drops the databases of runs whose lock is free: the templates (the test host is ended
/// too abruptly for a handler at exit to drop them) and anything a killed run left.
/// </remarks>
internal static class PostgresTemplates
{
    private static readonly long Run = Random.Shared.NextInt64(1, long.MaxValue);
    private static readonly Lock Starting = new();
    private static readonly Lock Migrating = new();
    private static readonly ConcurrentDictionary<string, Lazy<string>> PreparedByKey = new();
    private static NpgsqlConnection? _runLock;
    private static string? _migrated;
    private static int _named;

    /// <summary>A new name for a database of this run.</summary>
    public static string NewName(string kind) => $"upheld_{kind}_{Run}_{Interlocked.Increment(ref _named)}";

    /// <summary>A migrated database holding only the reference data.</summary>
    public static string Migrated(string admin)
    {
        lock (Migrating) return _migrated ??= Create(admin, "template1", _ => { });
    }

    /// <summary>A migrated database holding what <paramref name="prepare"/> writes, made the first time <paramref name="key"/> is asked for.</summary>
    public static string Prepared(string admin, string key, Action<Database> prepare) =>
        PreparedByKey.GetOrAdd(key, _ => new Lazy<string>(() => Create(admin, Migrated(admin), prepare))).Value;

    private static string Create(string admin, string source, Action<Database> prepare)
    {
        HoldTheRunLock(admin);
        var name = NewName("template");
        Execute(admin, $"CREATE DATABASE {name} TEMPLATE {source}");
        // No pooling: a copy is refused while any connection to its template stays open.
        var database = Database.PostgreSql(new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString());
        database.Migrate();
        prepare(database);
        return name;
    }

    /// <summary>Takes this run's lock on a connection kept open for the life of the process, then drops what dead runs left.</summary>
    private static void HoldTheRunLock(string admin)
    {
        lock (Starting)
        {
            if (_runLock is not null) return;
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
            connection.Open();
            connection.Execute("SELECT pg_advisory_lock(@Run)", new { Run });
            _runLock = connection;
            foreach (var name in connection.Query<string>(@"SELECT datname FROM pg_database WHERE datname ~ '^upheld_(test|template)_[0-9]+_[0-9]+$'"))
            {
                var run = long.Parse(name.Split('_')[2]);
                if (run == Run || !connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@run)", new { run })) continue; // that run is alive
                try { connection.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"); }
                finally { connection.Execute("SELECT pg_advisory_unlock(@run)", new { run }); }
            }
        }
    }

    private static readonly ConcurrentDictionary<Task, bool> Dropping = new();
    private static readonly Lazy<bool> DropsAwaitedAtExit = new(() =>
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Task.WaitAll([.. Dropping.Keys], TimeSpan.FromSeconds(30));
        return true;
    });

    /// <summary>Drops a test's database without the test waiting for it.</summary>
    /// <remarks>
    /// DROP DATABASE waits for a checkpoint: about a second on a busy machine, which hundreds of tests would otherwise
    /// spend idle, holding a slot another test could use. Drops that run together share their checkpoint. One that has
    /// not finished when the test host exits is awaited if the exit is orderly, and dropped by the next run otherwise
    /// (see <see cref="HoldTheRunLock"/>).
    /// </remarks>
    public static void DropLater(string admin, string name)
    {
        _ = DropsAwaitedAtExit.Value;
        var drop = Task.Run(() => Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        Dropping[drop] = true;
        drop.ContinueWith(done => Dropping.TryRemove(done, out _), TaskScheduler.Default);
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
