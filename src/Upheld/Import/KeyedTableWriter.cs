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

/// <summary>Writes rows keyed by their first columns: new rows are added, identical rows left alone, others replaced or refused.</summary>
/// <remarks>Commands are prepared once per table, so a million rows cost a million executions and no parsing.</remarks>
internal sealed class KeyedTableWriter : IDisposable
{
    private readonly string[] _columns;
    private readonly int _keyCount;
    private readonly int _comparedCount;
    private readonly DbCommand _insert;
    private readonly DbCommand _select;
    private readonly DbCommand _update;

    /// <param name="insertOnly">How many trailing columns are written with a new row only, never compared or replaced.</param>
    public KeyedTableWriter(DbConnection connection, DbTransaction transaction, string table, string[] columns, int keyCount, int insertOnly = 0)
    {
        _columns = columns;
        _keyCount = keyCount;
        _comparedCount = columns.Length - insertOnly;
        var keys = columns[..keyCount];
        var where = string.Join(" AND ", keys.Select((c, i) => $"{c} = @p{i}"));
        _insert = Command(connection, transaction, columns.Length,
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) " +
            $"ON CONFLICT ({string.Join(", ", keys)}) DO NOTHING");
        var compared = columns[.._comparedCount];
        _select = Command(connection, transaction, keyCount, $"SELECT {string.Join(", ", compared)} FROM {table} WHERE {where}");
        _update = Command(connection, transaction, _comparedCount,
            $"UPDATE {table} SET {string.Join(", ", compared.Skip(keyCount).Select((c, i) => $"{c} = @p{i + keyCount}"))} WHERE {where}");
    }

    /// <summary>Writes the row; on a conflict without <paramref name="replace"/> returns the first differing column and stored value.</summary>
    public RowFate Write(object?[] values, bool replace, out (string Column, string? Stored) difference)
    {
        difference = default;
        Bind(_insert, values);
        if (_insert.ExecuteNonQuery() == 1) return RowFate.Added;
        Bind(_select, values);
        using (var reader = _select.ExecuteReader())
        {
            reader.Read();
            for (var i = _keyCount; i < _comparedCount; i++)
            {
                var stored = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                var given = values[i] is null ? null : Convert.ToString(values[i], CultureInfo.InvariantCulture);
                if (stored != given && difference.Column is null) difference = (_columns[i], stored);
            }
        }
        if (difference.Column is null) return RowFate.Unchanged;
        if (!replace) return RowFate.Conflict;
        Bind(_update, values);
        _update.ExecuteNonQuery();
        return RowFate.Replaced;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _select.Dispose();
        _update.Dispose();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, int parameters, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < command.Parameters.Count; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
