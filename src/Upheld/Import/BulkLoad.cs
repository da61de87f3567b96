using System.Data.Common;
using Dapper;

namespace Upheld.Import;

/// <summary>Drops a table's secondary indexes for a large load and builds them again afterwards, inside the import's transaction.</summary>
/// <remarks>
/// Keeping an index up to date row by row costs more than building it once from sorted data when the load is at
/// least as large as what is stored: a million decisions import about a third faster. Primary keys stay, because
/// the load itself looks rows up by them.
/// </remarks>
internal sealed class BulkLoad : IDisposable
{
    /// <summary>Below this many rows the gain is too small to be worth rebuilding the indexes.</summary>
    private const int SmallestBulk = 50_000;

    private readonly ImportRun _run;
    private readonly IReadOnlyList<string> _definitions;

    private BulkLoad(ImportRun run, IReadOnlyList<string> definitions)
    {
        _run = run;
        _definitions = definitions;
    }

    public static BulkLoad Begin(ImportRun run, string table, int rows)
    {
        if (rows < SmallestBulk || rows < run.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}", transaction: run.Transaction))
            return new BulkLoad(run, []);
        var indexes = run.Connection.Query<(string Name, string Definition)>(
            run.Connection is Npgsql.NpgsqlConnection
                ? "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = @table AND indexname NOT LIKE '%pkey'"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL",
            new { table }, run.Transaction).ToList();
        foreach (var index in indexes) run.Connection.Execute($"DROP INDEX {index.Name}", transaction: run.Transaction);
        return new BulkLoad(run, indexes.Select(i => i.Definition).ToList());
    }

    public void Dispose()
    {
        foreach (var definition in _definitions) _run.Connection.Execute(definition, transaction: _run.Transaction);
    }
}
