using System.Data.Common;
using System.Reflection;
using Dapper;
using Upheld.Authorities;

namespace Upheld.Storage;

/// <summary>Numbered SQL scripts embedded in the engine, applied in order and recorded in <c>schema_migrations</c>.</summary>
/// <remarks>
/// <c>NNNN_name.sql</c> runs on both engines; <c>NNNN_name.sqlite.sql</c> or <c>NNNN_name.postgres.sql</c> on one only.
/// </remarks>
internal static class Migrations
{
    private const string Prefix = "Upheld.Storage.Migrations.";

    public static void Apply(Database database)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // Two servers starting together must not both migrate.
            connection.Execute("SELECT pg_advisory_xact_lock(7243901)", transaction: transaction);
        }
        connection.Execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)",
            transaction: transaction);
        var applied = connection.Query<int>("SELECT version FROM schema_migrations", transaction: transaction).ToHashSet();
        var changed = false;
        foreach (var (version, name, sql) in Scripts(database.Provider).Where(s => !applied.Contains(s.Version)))
        {
            changed = true;
            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)",
                new { version, name }, transaction);
        }
        ReferenceData.SeedIfEmpty(connection, transaction);
        var refreshed = ReferenceData.RefreshPopulations(connection, transaction);
        // A new ONS estimate is a data change like any other: retaken into a snapshot before publication, a revision after
        // (docs/statistics.md, "Published figures are frozen"), in the same transaction as the estimate itself.
        var now = TimeProvider.System.GetUtcNow();
        foreach (var year in refreshed) Publishing.PublishedSnapshots.DataChanged(connection, transaction, year, now);
        Publishing.PublishedSnapshots.TakeMissingKinds(connection, transaction, now);
        // A server already running over this database prepares its pages again (new estimates, a new kind of record).
        if (changed || refreshed.Count > 0) DataVersion.Advance(connection, transaction);
        transaction.Commit();
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var other = provider == DatabaseProvider.Sqlite ? ".postgres.sql" : ".sqlite.sql";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && !n.EndsWith(other, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(Prefix + name)!);
                return (int.Parse(name[..4]), name, reader.ReadToEnd());
            });
    }
}
