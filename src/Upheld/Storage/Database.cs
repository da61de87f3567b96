using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Upheld.Storage;

/// <summary>Which database engine holds the data.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where the data lives: an SQLite file or a PostgreSQL database, and how to open it.</summary>
/// <remarks>
/// Open with <see cref="FromOption"/>, which follows the command-line contract: a value containing
/// <c>=</c> is a PostgreSQL connection string, anything else an SQLite file path.
/// Call <see cref="Migrate"/> once before use; it is safe to call again.
/// </remarks>
public sealed class Database
{
    public const string DefaultFile = "upheld.db";

    // Once for the whole program, before any query can run (every connection comes from here): a snake_case column
    // fills the PascalCase member of the same words, so row types say DisplayName for display_name, and a year column
    // (the start year, an integer) fills a FinancialYear member.
    static Database()
    {
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        Dapper.SqlMapper.AddTypeHandler(new FinancialYearColumn());
    }

    private Database(DatabaseProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A name for messages that never shows a password.</summary>
    public string Description { get; }

    public static Database FromOption(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Sqlite(DefaultFile);
        return value.Contains('=') ? PostgreSql(value) : Sqlite(value);
    }

    public static Database Sqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true };
        return new Database(DatabaseProvider.Sqlite, builder.ToString(), path);
    }

    public static Database PostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new Database(DatabaseProvider.PostgreSql, builder.ToString(), $"PostgreSQL {builder.Database}@{builder.Host}");
    }

    /// <summary>An open connection, with SQLite's write-ahead log and lock wait applied.</summary>
    public DbConnection Connect()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var pg = new NpgsqlConnection(ConnectionString);
            pg.Open();
            return pg;
        }
        var sqlite = new SqliteConnection(ConnectionString);
        sqlite.Open();
        using var pragma = sqlite.CreateCommand();
        // WAL lets the site read while an import writes; NORMAL sync is durable at checkpoints and safe with WAL.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        pragma.ExecuteNonQuery();
        return sqlite;
    }

    /// <summary>Applies any migrations not yet applied, then loads the shipped reference data into an empty store.</summary>
    public void Migrate() => Migrations.Apply(this);
}
