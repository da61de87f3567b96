using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Upheld.Import;

/// <summary>A temporary table an import file's rows are written to as they stream, checked as a whole, then merged into its keyed table.</summary>
/// <remarks>
/// Columns: the physical <c>line</c>, <c>good</c> (1 for a row whose values passed every row check, 0 for a bad row kept only
/// for its case check), the keyed table's columns with their types, and the case check (<see cref="CaseCheck"/>). Rows are
/// buffered a batch at a time: on PostgreSQL each batch is one COPY, the database's own bulk load, on SQLite one
/// prepared insert a row. Between batches the connection is free, so a row check may still query the store. The table
/// lives in the import's transaction and is dropped when the file is done; a killed import leaves nothing behind.
/// </remarks>
internal abstract class StagingTable : IDisposable
{
    private const int BatchRows = 8192;

    protected readonly ImportRun Run;
    protected readonly string[] Columns;
    protected readonly string[] Types;
    private readonly List<(int Line, object?[]? Values, CaseCheck? Check)> _batch = new(BatchRows);

    protected StagingTable(ImportRun run, string table, string[] columns, string[] types, bool intoTable)
    {
        Run = run;
        Table = table;
        IntoTable = intoTable;
        Name = intoTable ? table : $"import_{table}";
        Columns = columns;
        Types = types;
    }

    /// <summary>The keyed table the rows are for.</summary>
    public string Table { get; }

    /// <summary>The staging table's name, or the keyed table's when the rows go <see cref="IntoTable"/>.</summary>
    public string Name { get; }

    /// <summary>
    /// Whether good rows are written straight into the keyed table itself (<see cref="Straight"/>), with neither line nor
    /// case check, and bad rows not at all.
    /// </summary>
    public bool IntoTable { get; }

    /// <summary>How many good rows were staged.</summary>
    public int Good { get; private set; }

    /// <summary>Whether the staged rows carry search words for the merge (<see cref="Import.SearchWords"/>: decisions on PostgreSQL).</summary>
    public bool HasSearchWords { get; protected init; }

    /// <summary>
    /// Whether the connection is left free between batches, for row checks that query the store; otherwise PostgreSQL takes
    /// the whole file as one COPY, reading rows while the next are made.
    /// </summary>
    public bool FreeBetweenBatches { get; init; }

    /// <param name="searchWords">Stage the search words of each good row as well, where the engine keeps them in the table.</param>
    public static StagingTable Create(ImportRun run, string table, string[] columns, bool searchWords = false, bool freeBetweenBatches = false)
    {
        var staging = Of(run, table, columns, searchWords, intoTable: false, freeBetweenBatches);
        run.Connection.Execute(staging.CreateSql(), transaction: run.Transaction, commandTimeout: 0);
        return staging;
    }

    /// <summary>
    /// Writes good rows straight into the keyed table, for a file loaded into an empty table (<see cref="KeyedFile"/>): the
    /// rows are then written once instead of twice. Rows with a case to check cannot go this way.
    /// </summary>
    public static StagingTable Straight(ImportRun run, string table, string[] columns, bool searchWords = false, bool freeBetweenBatches = false) =>
        Of(run, table, columns, searchWords, intoTable: true, freeBetweenBatches);

    private static StagingTable Of(ImportRun run, string table, string[] columns, bool searchWords, bool intoTable, bool freeBetweenBatches) =>
        run.Connection is NpgsqlConnection
            ? new PostgresStaging(run, table, columns, ColumnTypes(run, table, columns), intoTable) { HasSearchWords = searchWords, FreeBetweenBatches = freeBetweenBatches }
            : new SqliteStaging(run, table, columns, ColumnTypes(run, table, columns), intoTable) { FreeBetweenBatches = freeBetweenBatches };

    /// <summary>Each column's type as the keyed table declares it, so staged values compare with stored ones exactly.</summary>
    private static string[] ColumnTypes(ImportRun run, string table, string[] columns)
    {
        var types = run.Connection is NpgsqlConnection
            ? run.Connection.Query<(string Name, string Type)>(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @table AND table_schema = current_schema()",
                new { table }, run.Transaction, commandTimeout: 0)
            : run.Connection.Query<(string Name, string Type)>($"SELECT name, type FROM pragma_table_info('{table}')", transaction: run.Transaction, commandTimeout: 0);
        var byName = types.ToDictionary(t => t.Name, t => t.Type.ToLowerInvariant(), StringComparer.Ordinal);
        return columns.Select(c => byName[c]).ToArray();
    }

    protected abstract string CreateSql();

    /// <summary>Stages a row: its values when every row check passed, or null for a bad row that still has a case to check.</summary>
    public void Add(int line, object?[]? values, CaseCheck? check)
    {
        if (IntoTable && (values is null || check is not null))
        {
            if (check is not null) throw new InvalidOperationException("a row with a case to check cannot go straight into its table");
            return;
        }
        if (values is not null) Good++;
        _batch.Add((line, values, check));
        if (_batch.Count == BatchRows) Flush();
    }

    /// <summary>Writes what is still buffered, and ends the writing.</summary>
    public void Complete()
    {
        Flush();
        Finish();
    }

    /// <summary>Ends a write left open across batches.</summary>
    protected virtual void Finish()
    {
    }

    /// <summary>Good rows found bad by a check of the whole file, so that neither later checks nor the merge take them.</summary>
    public void Refused(int rows) => Good -= rows;

    private void Flush()
    {
        if (_batch.Count == 0) return;
        Write(_batch);
        _batch.Clear();
    }

    protected abstract void Write(List<(int Line, object?[]? Values, CaseCheck? Check)> rows);

    public virtual void Dispose()
    {
        if (IntoTable) return;
        try
        {
            Run.Connection.Execute($"DROP TABLE IF EXISTS {Name}", transaction: Run.Transaction, commandTimeout: 0);
        }
        catch (DbException)
        {
            // The file failed and its transaction with it, which takes the table away too: the failure itself is what to tell.
        }
    }

    private sealed class PostgresStaging(ImportRun run, string table, string[] columns, string[] types, bool intoTable)
        : StagingTable(run, table, columns, types, intoTable)
    {
        // ON COMMIT DROP as well as the drop after the file, so a failure between the two leaves nothing either.
        private SearchWords? _searchWords;

        private string WordsColumn => HasSearchWords ? ", search_words" : "";

        protected override string CreateSql() =>
            $"CREATE TEMP TABLE {Name} (line integer NOT NULL, good integer NOT NULL, " +
            string.Join(", ", Columns.Select((c, i) => $"{c} {Types[i]}")) + (HasSearchWords ? ", search_words text" : "") +
            ", check_case text, check_given text, check_successor text) ON COMMIT DROP";

        /// <remarks>
        /// In COPY's binary form (<see cref="CopyBinary"/>): the server reads it with about a third less work than the text form.
        /// </remarks>
        protected override void Write(List<(int Line, object?[]? Values, CaseCheck? Check)> rows)
        {
            var connection = (NpgsqlConnection)Run.Connection;
            // Made before the rows are written: the server is asked for the words of new pieces on a connection of the words' own
            // while this one is taken by the copy.
            var words = HasSearchWords ? WordsOf(connection, rows) : ((SearchWords.Batch Batch, int[] Rows)?)null;
            var copy = _copy ??= new CopyBinary(connection.BeginRawBinaryCopy(IntoTable
                ? $"COPY {Name} ({string.Join(", ", Columns)}{WordsColumn}) FROM STDIN (FORMAT binary)"
                : $"COPY {Name} (line, good, {string.Join(", ", Columns)}{WordsColumn}, check_case, check_given, check_successor) FROM STDIN (FORMAT binary)"));
            var fields = Columns.Length + (HasSearchWords ? 1 : 0) + (IntoTable ? 0 : 5);
            _widths ??= Types.Select(IntegerBytes).ToArray();
            for (var row = 0; row < rows.Count; row++)
            {
                var (line, values, check) = rows[row];
                copy.Row(fields);
                if (!IntoTable)
                {
                    copy.Integer(line, 4);
                    copy.Integer(values is null ? 0 : 1, 4);
                }
                for (var i = 0; i < Columns.Length; i++)
                {
                    var value = values?[i];
                    if (value is null) copy.Null();
                    else if (_widths[i] > 0) copy.Integer(Convert.ToInt64(value, CultureInfo.InvariantCulture), _widths[i]);
                    else copy.Text(value as string ?? Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                }
                if (words is { } made && values is not null)
                {
                    if (IntoTable) _searchWords!.WriteVector(copy, made.Batch, made.Rows[row]);
                    else _searchWords!.WriteJoined(copy, made.Batch, made.Rows[row]);
                }
                else if (words is not null) copy.Null();
                if (!IntoTable)
                {
                    foreach (var part in (ReadOnlySpan<string?>)[check?.CaseRef, check?.Given, check?.Successor])
                    {
                        if (part is null) copy.Null();
                        else copy.Text(part);
                    }
                }
            }
            if (FreeBetweenBatches) Finish();
        }

        private CopyBinary? _copy;
        private int[]? _widths;

        /// <summary>The bytes of an integer column's binary value, 0 for any other type (sent as text).</summary>
        private static int IntegerBytes(string type) => type switch { "smallint" => 2, "integer" => 4, "bigint" => 8, _ => 0 };

        protected override void Finish()
        {
            var copy = _copy;
            _copy = null;
            if (copy is null) return;
            copy.End();
            copy.Dispose();
        }

        public override void Dispose()
        {
            // A copy still open here was left by a failure or by a load that stopped early: nothing of it is kept.
            if (_copy is { } open)
            {
                _copy = null;
                try
                {
                    open.Cancel();
                }
                catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
                {
                    // The copy had already failed; that failure is what is told.
                }
                open.Dispose();
            }
            _searchWords?.Dispose();
            base.Dispose();
        }

        /// <summary>The search words of the good rows of a batch, and which of them is each row's (-1 for a bad row).</summary>
        private (SearchWords.Batch Batch, int[] Rows) WordsOf(NpgsqlConnection connection, List<(int Line, object?[]? Values, CaseCheck? Check)> rows)
        {
            _searchWords ??= new SearchWords(connection);
            int category = Array.IndexOf(Columns, "category"), subcategory = Array.IndexOf(Columns, "subcategory"), summary = Array.IndexOf(Columns, "summary");
            var texts = new List<(string?, string?, string?)>(rows.Count);
            var of = new int[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var values = rows[i].Values;
                of[i] = values is null ? -1 : texts.Count;
                if (values is not null) texts.Add(((string?)values[category], (string?)values[subcategory], (string?)values[summary]));
            }
            return (_searchWords.Of(texts), of);
        }
    }

    private sealed class SqliteStaging(ImportRun run, string table, string[] columns, string[] types, bool intoTable)
        : StagingTable(run, table, columns, types, intoTable)
    {
        private sqlite3_stmt? _insert;
        private byte[] _text = new byte[256];

        // The line is the rowid: rows are appended in file order, and read back in it without a sort.
        protected override string CreateSql() =>
            $"CREATE TEMP TABLE {Name} (line INTEGER PRIMARY KEY, good INTEGER NOT NULL, " +
            string.Join(", ", Columns.Select((c, i) => $"{c} {Types[i]}")) + ", check_case TEXT, check_given TEXT, check_successor TEXT)";

        /// <remarks>
        /// Straight through SQLite's own interface, values bound by position: through the ADO.NET command, binding each
        /// parameter by name cost three times what SQLite itself takes to append the row.
        /// </remarks>
        protected override void Write(List<(int Line, object?[]? Values, CaseCheck? Check)> rows)
        {
            var db = ((SqliteConnection)Run.Connection).Handle!;
            if (_insert is null)
                Check(db, raw.sqlite3_prepare_v2(db, IntoTable
                    ? $"INSERT INTO main.{Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Enumerable.Repeat("?", Columns.Length))})"
                    : $"INSERT INTO temp.{Name} VALUES ({string.Join(", ", Enumerable.Repeat("?", Columns.Length + 5))})", out _insert));
            var first = IntoTable ? 1 : 3;
            foreach (var (line, values, check) in rows)
            {
                if (!IntoTable)
                {
                    raw.sqlite3_bind_int(_insert, 1, line);
                    raw.sqlite3_bind_int(_insert, 2, values is null ? 0 : 1);
                }
                for (var i = 0; i < Columns.Length; i++) Bind(i + first, values?[i]);
                if (!IntoTable)
                {
                    Bind(Columns.Length + 3, check?.CaseRef);
                    Bind(Columns.Length + 4, check?.Given);
                    Bind(Columns.Length + 5, check?.Successor);
                }
                var done = raw.sqlite3_step(_insert);
                raw.sqlite3_reset(_insert);
                if (done != raw.SQLITE_DONE) Check(db, done);
            }
        }

        private void Bind(int index, object? value)
        {
            switch (value)
            {
                case null:
                    raw.sqlite3_bind_null(_insert, index);
                    break;
                case string text:
                    var length = Encoding.UTF8.GetMaxByteCount(text.Length);
                    if (length > _text.Length) _text = new byte[Math.Max(length, _text.Length * 2)];
                    raw.sqlite3_bind_text(_insert, index, _text.AsSpan(0, Encoding.UTF8.GetBytes(text, _text)));
                    break;
                case int number:
                    raw.sqlite3_bind_int(_insert, index, number);
                    break;
                default:
                    raw.sqlite3_bind_int64(_insert, index, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        private static void Check(sqlite3 db, int code)
        {
            if (code != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code);
        }

        public override void Dispose()
        {
            _insert?.Dispose();
            base.Dispose();
        }
    }
}
