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

    public static TestDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upheld-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(Database.Sqlite(path), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        });
    }

    /// <summary>A new PostgreSQL database; skips the test outside CI when no server was set up, and fails it in CI.</summary>
    public static TestDatabase Postgres()
    {
        var admin = PostgresAdmin();
        var name = $"upheld_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(Database.PostgreSql(builder.ToString()), () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
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
