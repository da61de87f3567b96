using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Upheld.Storage;

namespace Upheld.Tests.Reliability;

/// <summary>A fingerprint of every row of every table, so a test can show that a refused import or a killed process
/// left the database exactly as it was.</summary>
public static class DatabaseDigest
{
    public static string Of(Database database)
    {
        using var connection = database.Connect();
        return Of(connection, database.Provider);
    }

    public static string Of(DbConnection connection, DatabaseProvider provider)
    {
        var tables = connection.Query<string>(provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\u001e{table}\u001e"));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)))));
            // Row order is not part of a table's content: compare the sorted rows.
            foreach (var row in rows.Order(StringComparer.Ordinal)) hash.AppendData(Encoding.UTF8.GetBytes(row + "\u001e"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Text(object value) => value switch
    {
        DBNull => "\u2400",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
