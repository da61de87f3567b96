using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Dapper;
using Npgsql;

namespace Upheld.Storage;

/// <summary>One statement run once for each of many rows, as Dapper's <c>Execute(sql, rows)</c>, without a round trip a row on PostgreSQL.</summary>
/// <remarks>
/// Publishing a year writes a record for every council and kind, seeding a database writes every population: tens of
/// thousands of one-row statements. On SQLite each is a call within the process; on PostgreSQL each was a round trip to
/// the server, and they made the demonstration load twice as long as on SQLite. Here they go to PostgreSQL a few hundred
/// to a batch, each statement still its own with its own parameters, so what each does is unchanged.
/// </remarks>
public static class ManyRows
{
    private const int BatchStatements = 500;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Runs <paramref name="sql"/> with the properties of each row as its parameters; the rows affected in all.</summary>
    public static int Execute<T>(DbConnection connection, string sql, IEnumerable<T> rows, DbTransaction? transaction = null)
    {
        if (connection is not NpgsqlConnection postgres) return connection.Execute(sql, rows, transaction);
        var properties = Properties.GetOrAdd(typeof(T), t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance));
        var used = properties.Where(p => sql.Contains("@" + p.Name, StringComparison.OrdinalIgnoreCase)).ToArray();
        var affected = 0;
        foreach (var chunk in rows.Chunk(BatchStatements))
        {
            using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction?)transaction);
            foreach (var row in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var property in used) command.Parameters.Add(new NpgsqlParameter(property.Name, property.GetValue(row) ?? DBNull.Value));
                batch.BatchCommands.Add(command);
            }
            affected += batch.ExecuteNonQuery();
        }
        return affected;
    }
}
