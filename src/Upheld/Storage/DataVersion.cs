using System.Data.Common;
using Dapper;

namespace Upheld.Storage;

/// <summary>A number the database holds that every change to data advances, so anything kept from the data can tell it is out of date.</summary>
/// <remarks>
/// Advanced inside the change's own transaction (<see cref="Change.Commit"/>), so a reader that sees the new number sees the
/// change, and a change rolled back leaves the number as it was. Every server process sharing the database reads the same row.
/// </remarks>
public static class DataVersion
{
    /// <summary>The current number; it only ever grows.</summary>
    public static long Read(DbConnection connection) =>
        connection.ExecuteScalar<long>("SELECT version FROM data_version WHERE id = 1");

    /// <summary>The current number, on a connection of its own.</summary>
    public static long Read(Database database)
    {
        using var connection = database.Connect();
        return Read(connection);
    }

    /// <summary>Advances the number in <paramref name="transaction"/>, the last write of a change before it commits.</summary>
    internal static void Advance(DbConnection connection, DbTransaction transaction) =>
        connection.Execute("UPDATE data_version SET version = version + 1 WHERE id = 1", transaction: transaction);
}
