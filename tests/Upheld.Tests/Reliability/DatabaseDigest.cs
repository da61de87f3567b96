using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Upheld.Storage;

namespace Upheld.Tests.Reliability;

/// <summary>A fingerprint of every row of every table, so a test can show that a refused import or a killed process
/// left the database exactly as it was.</summary>
/// <remarks>
/// The database writes each table out as text itself (SQLite's <c>quote()</c> of every column in key order, PostgreSQL's
/// row text in sorted order), which is several times faster than reading every value into .NET, and the fuzz test takes
/// a fingerprint after every folder.
/// </remarks>
public static class DatabaseDigest
{
    public static string Of(Database database)
    {
        using var connection = database.Connect();
        return Of(connection, database.Provider);
    }

    public static string Of(DbConnection connection, DatabaseProvider provider)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        var tables = connection.Query<string>(sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            string sql;
            if (sqlite)
            {
                var columns = connection.Query<string>($"SELECT name FROM pragma_table_info('{table}')").Select(c => $"quote(\"{c}\")");
                // A full scan visits rows in key order (rowid, or the primary key of a WITHOUT ROWID table): the same order for the same rows.
                sql = $"SELECT group_concat({string.Join(" || ',' || ", columns)}, char(30)) FROM \"{table}\"";
            }
            else
            {
                sql = $"SELECT string_agg(t::text, chr(30) ORDER BY t::text) FROM \"{table}\" t";
            }
            var text = connection.ExecuteScalar<string?>(sql) ?? "";
            hash.AppendData(Encoding.UTF8.GetBytes($"\u001d{table}\u001d{text}"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
