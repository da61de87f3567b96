using Dapper;
using Npgsql;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Cli;
using Upheld.Tests.Import;
using Upheld.Tests.Letters;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Reliability;

/// <summary>Enough decisions that an import is still writing when it is killed, even on a fast machine: written once for both engines' tests.</summary>
public sealed class LargeImportFolder : IDisposable
{
    public const int Decisions = 400_000;
    private readonly ImportFolder _folder = new();

    public LargeImportFolder()
    {
        using var writer = new StreamWriter(System.IO.Path.Combine(_folder.Path, "decisions.csv"));
        writer.Write("case_ref,authority_code,decision_date,outcome,summary\r\n");
        string[] councils = ["E10000034", "E06000017", "E10000003", "E07000192", "E08000025"];
        string[] outcomes = ["upheld", "not_upheld", "advice_given"];
        for (var i = 0; i < Decisions; i++)
            writer.Write($"K{i:D7},{councils[i % 5]},2019-{4 + i % 9:D2}-{1 + i % 28:D2},{outcomes[i % 3]},\"killed, then imported again ({i})\"\r\n");
    }

    public string Path => _folder.Path;

    public void Dispose() => _folder.Dispose();
}

/// <summary>SIGKILL in the middle of an import leaves the database exactly as it was, and the same import then completes.</summary>
public sealed class CrashSafetyTests(LargeImportFolder large) : IClassFixture<LargeImportFolder>
{
    private const int Decisions = LargeImportFolder.Decisions;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void An_import_killed_midway_leaves_the_database_as_it_was_and_a_rerun_completes(DatabaseProvider provider)
    {
        using var store = TestDatabase.Create(provider);
        using (var earlier = Letters2020Folder.Create()) Assert.True(new Importer(store.Database).Import(earlier.Path).Succeeded);
        var before = DatabaseDigest.Of(store.Database);
        var db = provider == DatabaseProvider.Sqlite ? store.Database.Description : store.Database.ConnectionString;

        bool killed;
        using (var import = KilledProcess.Start("import", large.Path, "--db", db))
            killed = import.KillWhen(() => Writing(store.Database), TimeSpan.FromMinutes(2));
        Assert.True(killed, "the import finished (or never began writing) before it could be killed");
        WaitForAbandonedSessions(store.Database);
        var after = DatabaseDigest.Of(store.Database);
        var rerun = CliRun.Of("import", large.Path, "--db", db);

        Assert.Equal(before, after);
        Assert.True(rerun.ExitCode == 0, rerun.Errors);
        using var connection = store.Database.Connect();
        Assert.Equal(Decisions, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE case_ref LIKE 'K%'"));
        if (provider == DatabaseProvider.Sqlite) Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    /// <summary>True once the import has written rows inside its transaction: the SQLite log has grown, or the PostgreSQL session
    /// holds a transaction id while it stages the decisions (binary COPY) or merges them.</summary>
    private static bool Writing(Database database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
            return new FileInfo(database.Description + "-wal") is { Exists: true, Length: > 4 * 1024 * 1024 };
        using var connection = database.Connect();
        return connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL " +
            "AND (query LIKE 'COPY import_decisions%' OR query LIKE 'INSERT INTO decisions%')") > 0;
    }

    /// <summary>PostgreSQL rolls back a killed client's transaction when it notices the closed socket: wait for that.</summary>
    private static void WaitForAbandonedSessions(Database database)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var connection = database.Connect();
            if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()") == 0) return;
            Thread.Sleep(100);
        }
    }
}
