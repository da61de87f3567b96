using Npgsql;
using Upheld.Storage;

namespace Upheld.Tests.Storage;

/// <summary>A fresh, migrated database for one test, on SQLite or PostgreSQL, dropped afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private const string PostgresVariable = "UPHELD_TEST_POSTGRES";
    private readonly Action _drop;

    private TestDatabase(Database database, Action drop)
    {
        Database = database;
        _drop = drop;
        database.Migrate();
    }

    public Database Database { get; }

    public static TestDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? Sqlite() : Postgres();

    /// <summary>
    /// A fresh database holding what <paramref name="prepare"/> writes into a migrated one. It runs once per test run and
    /// <paramref name="key"/>, into a template each call copies; so it must write the same whenever it runs.
    /// </summary>
    public static TestDatabase Prepared(DatabaseProvider provider, string key, Action<Database> prepare) =>
        provider == DatabaseProvider.PostgreSql
            ? Postgres(PostgresTemplates.Prepared(PostgresAdmin(), key, prepare))
            : SqliteCopyOf(SqliteTemplates.Prepared(key, prepare));

    /// <summary>A new SQLite database: a copy of the run's migrated template (migrating afresh takes longer than copying).</summary>
    public static TestDatabase Sqlite() => SqliteCopyOf(SqliteTemplates.Migrated());

    private static TestDatabase SqliteCopyOf(string template)
    {
        var path = Path.Combine(Path.GetTempPath(), $"upheld-test-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        return new TestDatabase(Database.Sqlite(path), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        });
    }

    /// <summary>A new PostgreSQL database; skips the test outside CI when no server was set up, and fails it in CI.</summary>
    public static TestDatabase Postgres() => Postgres(PostgresTemplates.Migrated(PostgresAdmin()));

    private static TestDatabase Postgres(string template)
    {
        var admin = PostgresAdmin();
        var name = PostgresTemplates.NewName("test");
        PostgresTemplates.Execute(admin, $"CREATE DATABASE {name} TEMPLATE {template}");
        var database = Database.PostgreSql(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString());
        return new TestDatabase(database, () =>
        {
            // Only this database's idle connections: clearing every pool would close those of tests running beside it.
            using (var pooled = new NpgsqlConnection(database.ConnectionString)) NpgsqlConnection.ClearPool(pooled);
            PostgresTemplates.DropLater(admin, name);
        });
    }

    public static string PostgresAdmin()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException($"{PostgresVariable} is not set: in CI the PostgreSQL tests must run (./test starts the server).");
            Skip.If(true, $"PostgreSQL tests skipped: {PostgresVariable} is not set (./test sets it after starting a local server).");
        }
        return admin!;
    }

    public void Dispose() => _drop();
}
