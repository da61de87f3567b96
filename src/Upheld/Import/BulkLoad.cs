using System.Data.Common;
using Dapper;

namespace Upheld.Import;

/// <summary>Drops a table's secondary indexes for a large load and builds them again afterwards, inside the import's transaction.</summary>
/// <remarks>
/// Keeping an index up to date row by row costs more than building it once from sorted data when the load is at
/// least as large as what is stored: a million decisions import about a third faster. Primary keys stay, because
/// the load itself looks rows up by them. On SQLite the triggers that keep a full-text table (<c>{table}_fts</c>) in
/// step go too, and the full-text index is rebuilt once at the end: row by row it made the load eight times slower.
/// On PostgreSQL, when the rows carry their search words, the triggers that would work the words out before a row goes
/// in go for the load: none would fire (each fires only for a row without words), but a table with such a trigger is
/// loaded a row at a time rather than a page at a time, and a million decisions' COPY took a fifth longer.
/// </remarks>
internal sealed class BulkLoad : IDisposable
{
    /// <summary>Below this many rows the gain is too small to be worth rebuilding the indexes.</summary>
    private const int SmallestBulk = 50_000;

    private readonly ImportRun _run;
    private readonly string _table;
    private readonly IReadOnlyList<(string Name, string Definition, string Kind)> _dropped;

    private BulkLoad(ImportRun run, string table, IReadOnlyList<(string Name, string Definition, string Kind)> dropped)
    {
        _run = run;
        _table = table;
        _dropped = dropped;
    }

    /// <summary>A file this large holds some <see cref="SmallestBulk"/> rows or more: the shortest case rows take about 80 bytes.</summary>
    public const long SmallestBulkBytes = SmallestBulk * 80L;

    /// <param name="wordsGiven">The rows carry their search words, so nothing need work them out as they go in.</param>
    public static BulkLoad Begin(ImportRun run, string table, int rows, bool wordsGiven)
    {
        if (rows < SmallestBulk || rows < run.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}", transaction: run.Transaction, commandTimeout: 0))
            return new BulkLoad(run, table, []);
        return DropIndexes(run, table, wordsGiven);
    }

    /// <summary>For a load into an empty table, whose rows are not counted before they are written: <paramref name="large"/> says whether the file is.</summary>
    public static BulkLoad BeginEmpty(ImportRun run, string table, bool large, bool wordsGiven) =>
        large ? DropIndexes(run, table, wordsGiven) : new BulkLoad(run, table, []);

    private static BulkLoad DropIndexes(ImportRun run, string table, bool wordsGiven)
    {
        var dropped = run.Connection.Query<(string Name, string Definition, string Kind)>(
            run.Connection is Npgsql.NpgsqlConnection
                ? "SELECT indexname, indexdef, 'index' FROM pg_indexes WHERE tablename = @table AND indexname NOT LIKE '%pkey'" +
                  (wordsGiven ? " UNION ALL " + PostgresBeforeInsertTriggers : "")
                : "SELECT name, sql, type FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = @table AND sql IS NOT NULL",
            new { table }, run.Transaction, commandTimeout: 0).ToList();
        foreach (var (name, _, kind) in dropped)
            run.Connection.Execute(
                run.Connection is Npgsql.NpgsqlConnection && kind == "trigger" ? $"DROP TRIGGER {name} ON {table}" : $"DROP {kind.ToUpperInvariant()} {name}",
                transaction: run.Transaction, commandTimeout: 0);
        return new BulkLoad(run, table, dropped);
    }

    // A trigger's type is a bit set: 1 for each row, 2 before, 4 on insert.
    private const string PostgresBeforeInsertTriggers =
        "SELECT t.tgname::text, pg_get_triggerdef(t.oid), 'trigger' FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid " +
        "WHERE c.relname = @table AND c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgtype & 7 = 7";

    /// <summary>Runs statements that sort many rows (an index built, a file's keys compared), on SQLite with the page cache halved.</summary>
    /// <remarks>
    /// SQLite sorts on two threads besides its own (Importer.Begin), each taking as much memory as the page cache may: with
    /// the cache halved the sorters hold what one did, and the import's peak stays the same however many rows are sorted
    /// (ten million decisions imported again peaked at 208 MB before, against 159 MB for one million).
    /// </remarks>
    public static void Sorting(ImportRun run, Action sort)
    {
        if (run.Connection is not Microsoft.Data.Sqlite.SqliteConnection)
        {
            sort();
            return;
        }
        run.Connection.Execute("PRAGMA cache_size = -16384", transaction: run.Transaction);
        try
        {
            sort();
        }
        finally
        {
            run.Connection.Execute("PRAGMA cache_size = -32768", transaction: run.Transaction);
        }
    }

    public void Dispose()
    {
        // The rows are written and their buffers are garbage; handing that memory back before the indexes are sorted keeps
        // the import's peak to the larger of the two rather than their sum (SQLite sorts on two threads, each with its own buffer).
        if (_dropped.Count > 0) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var sqlite = _dropped.Count > 0 && _run.Connection is Microsoft.Data.Sqlite.SqliteConnection;
        Sorting(_run, () =>
        {
            if (sqlite && _dropped.Any(d => d.Kind == "trigger"))
                _run.Connection.Execute($"INSERT INTO {_table}_fts ({_table}_fts) VALUES ('rebuild')", transaction: _run.Transaction, commandTimeout: 0);
            foreach (var (_, definition, _) in _dropped) _run.Connection.Execute(definition, transaction: _run.Transaction, commandTimeout: 0);
        });
        // PostgreSQL plans each search from the table's statistics, which its own background analysis brings up to date only
        // a minute or so later: until then a search over a table that grew from a few rows to a million is planned as if
        // it were still small (a word alone walking every match). A sample of the rows is read in well under a second.
        if (_dropped.Count > 0 && _run.Connection is Npgsql.NpgsqlConnection)
            _run.Connection.Execute($"ANALYZE {_table}", transaction: _run.Transaction, commandTimeout: 0);
    }
}
