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
/// support it); the rows whose key was already stored are then read back in one statement and compared. A million
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
    private readonly DbCommand _update;
    private readonly Dictionary<int, DbCommand> _inserts = [];
    private readonly Dictionary<int, DbCommand> _selects = [];
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
            written = [insert.ExecuteNonQuery() == 1 ? new WrittenRow(line, values, RowFate.Added, null, null) : Compare(line, values, Stored([values])[Key(values.Take(_keyCount))], replace)];
        }
        else
        {
            var added = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = insert.ExecuteReader())
            {
                while (reader.Read()) added.Add(Key(Enumerable.Range(0, _keyCount).Select(reader.GetValue)));
            }
            var existing = _pending.Where(p => !added.Contains(Key(p.Values.Take(_keyCount)))).ToList();
            var stored = existing.Count == 0 ? [] : Stored(existing.Select(p => p.Values).ToList());
            written = _pending.Select(p => added.Contains(Key(p.Values.Take(_keyCount)))
                ? new WrittenRow(p.Line, p.Values, RowFate.Added, null, null)
                : Compare(p.Line, p.Values, stored[Key(p.Values.Take(_keyCount))], replace)).ToList();
        }
        _pending.Clear();
        return written;
    }

    /// <summary>The stored compared columns of rows with these keys, as text, by key: one statement for the lot.</summary>
    private Dictionary<string, string?[]> Stored(IReadOnlyList<object?[]> rows)
    {
        var select = SelectFor(rows.Count);
        for (var row = 0; row < rows.Count; row++)
            for (var key = 0; key < _keyCount; key++)
                select.Parameters[row * _keyCount + key].Value = rows[row][key] ?? DBNull.Value;
        var stored = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var values = Enumerable.Range(0, _comparedCount).Select(i => reader.IsDBNull(i) ? null : Text(reader.GetValue(i))).ToArray();
            stored[Key(values.Take(_keyCount))] = values;
        }
        return stored;
    }

    private WrittenRow Compare(int line, object?[] values, string?[] stored, bool replace)
    {
        var differing = Enumerable.Range(_keyCount, _comparedCount - _keyCount).FirstOrDefault(i => stored[i] != Text(values[i]), -1);
        if (differing < 0) return new WrittenRow(line, values, RowFate.Unchanged, null, null);
        if (!replace) return new WrittenRow(line, values, RowFate.Conflict, _columns[differing], stored[differing]);
        Bind(_update, values);
        _update.ExecuteNonQuery();
        return new WrittenRow(line, values, RowFate.Replaced, _columns[differing], stored[differing]);
    }

    private DbCommand SelectFor(int rows)
    {
        if (_selects.TryGetValue(rows, out var command)) return command;
        var keys = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", Enumerable.Range(0, _keyCount).Select(k => $"@p{r * _keyCount + k}")) + ")");
        command = Command(rows * _keyCount,
            $"SELECT {string.Join(", ", _columns[.._comparedCount])} FROM {_table} WHERE ({string.Join(", ", _columns[.._keyCount])}) IN ({string.Join(", ", keys)})");
        _selects[rows] = command;
        return command;
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
        _update.Dispose();
        foreach (var command in _inserts.Values.Concat(_selects.Values)) command.Dispose();
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
