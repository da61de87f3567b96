using System.Data.Common;
using System.Globalization;

namespace Upheld.Import;

/// <summary>What happened to one row written by <see cref="KeyedTableWriter"/>.</summary>
public enum RowFate
{
    Added,
    Unchanged,
    Replaced,
    Conflict,
}

/// <summary>A row's fate once written, with the first column that differs from the stored row when it was not added.</summary>
internal readonly record struct WrittenRow(int Line, object?[] Values, RowFate Fate, string? Column, string? Stored);

/// <summary>Writes rows keyed by their first columns: new rows are added, identical rows left alone, others replaced or refused.</summary>
/// <remarks>
/// Rows are inserted in batches with <c>ON CONFLICT DO NOTHING RETURNING</c> the keys that went in (both engines
/// support it); only the rows whose key was already stored are then read back one by one and compared. A million
/// new rows cost five thousand statements on PostgreSQL, where each statement is a round trip. SQLite looks up
/// parameters by name in a linear list, so a many-row statement costs the square of its parameters: there each
/// statement holds one row, which in-process costs no round trip.
/// </remarks>
internal sealed class KeyedTableWriter : IDisposable
{
    private readonly int _batchRows;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly int _keyCount;
    private readonly int _comparedCount;
    private readonly DbCommand _select;
    private readonly DbCommand _update;
    private readonly Dictionary<int, DbCommand> _inserts = [];
    private readonly List<(int Line, object?[] Values)> _pending = [];

    /// <param name="insertOnly">How many trailing columns are written with a new row only, never compared or replaced.</param>
    public KeyedTableWriter(DbConnection connection, DbTransaction transaction, string table, string[] columns, int keyCount, int insertOnly = 0)
    {
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _columns = columns;
        _keyCount = keyCount;
        _comparedCount = columns.Length - insertOnly;
        _batchRows = connection is Microsoft.Data.Sqlite.SqliteConnection ? 1 : 200;
        var where = string.Join(" AND ", columns[..keyCount].Select((c, i) => $"{c} = @p{i}"));
        var compared = columns[.._comparedCount];
        _select = Command(keyCount, $"SELECT {string.Join(", ", compared)} FROM {table} WHERE {where}");
        _update = Command(_comparedCount,
            $"UPDATE {table} SET {string.Join(", ", compared.Skip(keyCount).Select((c, i) => $"{c} = @p{i + keyCount}"))} WHERE {where}");
    }

    /// <summary>Queues a row; returns the rows written when a batch was full, else nothing.</summary>
    public IReadOnlyList<WrittenRow> Write(int line, object?[] values, bool replace)
    {
        _pending.Add((line, values));
        return _pending.Count >= _batchRows ? Flush(replace) : [];
    }

    /// <summary>Writes every queued row and returns what happened to each, in order.</summary>
    public IReadOnlyList<WrittenRow> Flush(bool replace)
    {
        if (_pending.Count == 0) return [];
        var insert = InsertFor(_pending.Count);
        for (var row = 0; row < _pending.Count; row++)
            for (var column = 0; column < _columns.Length; column++)
                insert.Parameters[row * _columns.Length + column].Value = _pending[row].Values[column] ?? DBNull.Value;
        IReadOnlyList<WrittenRow> written;
        if (_batchRows == 1)
        {
            var (line, values) = _pending[0];
            written = [insert.ExecuteNonQuery() == 1 ? new WrittenRow(line, values, RowFate.Added, null, null) : Existing(line, values, replace)];
        }
        else
        {
            var added = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = insert.ExecuteReader())
            {
                while (reader.Read()) added.Add(Key(Enumerable.Range(0, _keyCount).Select(reader.GetValue)));
            }
            written = _pending.Select(p => added.Contains(Key(p.Values.Take(_keyCount)))
                ? new WrittenRow(p.Line, p.Values, RowFate.Added, null, null)
                : Existing(p.Line, p.Values, replace)).ToList();
        }
        _pending.Clear();
        return written;
    }

    private WrittenRow Existing(int line, object?[] values, bool replace)
    {
        Bind(_select, values);
        string? column = null, stored = null;
        using (var reader = _select.ExecuteReader())
        {
            reader.Read();
            for (var i = _keyCount; i < _comparedCount && column is null; i++)
            {
                var storedText = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                if (storedText != Text(values[i])) (column, stored) = (_columns[i], storedText);
            }
        }
        if (column is null) return new WrittenRow(line, values, RowFate.Unchanged, null, null);
        if (!replace) return new WrittenRow(line, values, RowFate.Conflict, column, stored);
        Bind(_update, values);
        _update.ExecuteNonQuery();
        return new WrittenRow(line, values, RowFate.Replaced, column, stored);
    }

    private DbCommand InsertFor(int rows)
    {
        if (_inserts.TryGetValue(rows, out var command)) return command;
        var tuples = Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", _columns.Select((_, c) => $"@p{r * _columns.Length + c}")) + ")");
        var keys = string.Join(", ", _columns[.._keyCount]);
        command = Command(rows * _columns.Length,
            $"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES {string.Join(", ", tuples)} ON CONFLICT ({keys}) DO NOTHING" + (_batchRows == 1 ? "" : $" RETURNING {keys}"));
        _inserts[rows] = command;
        return command;
    }

    private static string Key(IEnumerable<object?> keyValues) => string.Join('\u001f', keyValues.Select(Text));

    private static string? Text(object? value) => value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _select.Dispose();
        _update.Dispose();
        foreach (var insert in _inserts.Values) insert.Dispose();
    }

    private DbCommand Command(int parameters, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}"; // With its prefix, SQLite binds by one name lookup instead of trying each prefix.
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < command.Parameters.Count; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
