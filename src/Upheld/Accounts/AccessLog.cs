using System.Data.Common;
using Dapper;

namespace Upheld.Accounts;

/// <summary>One view of a year's data before its publication (who saw what of which year and council, and when), or access refused.</summary>
/// <param name="Year">The year seen; null for access that concerns no year, such as an account locked by failed sign-ins.</param>
public sealed record AccessEntry(long Id, DateTimeOffset At, string Who, string What, FinancialYear? Year, string? CouncilCode);

/// <summary>The log that orderly release requires: every view of unpublished figures, letters or cases, by anyone; and every account locked against sign-in.</summary>
public static class AccessLog
{
    /// <param name="role">The viewer's role, and <paramref name="organisationCode"/> a link officer's council: what the pre-release access list names
    /// (<see cref="PreReleaseAccess"/>), never the person.</param>
    public static void Record(DbConnection connection, DateTimeOffset at, string who, string what, FinancialYear year, string? councilCode,
        StaffRole? role = null, string? organisationCode = null) =>
        connection.Execute(
            "INSERT INTO access_log (at, who, what, year, council_code, role, organisation_code) VALUES (@at, @who, @what, @year, @councilCode, @role, @organisationCode)",
            new { at = StoredTime.Format(at), who, what, year = year.StartYear, councilCode, role = role is { } r ? StaffRoles.Name(r) : null, organisationCode });

    /// <summary>Records that failed sign-ins locked <paramref name="email"/>'s account until <paramref name="until"/>.</summary>
    public static void RecordLockOut(DbConnection connection, DateTimeOffset at, string email, DateTimeOffset until) =>
        connection.Execute(
            "INSERT INTO access_log (at, who, what, year, council_code) VALUES (@at, @who, @what, NULL, NULL)",
            new
            {
                at = StoredTime.Format(at), who = email,
                what = $"sign-in refused: account locked until {StoredTime.Format(until)} after {StaffUsers.FailuresBeforeLockOut} failed sign-ins in a row",
            });

    /// <summary>The newest entries first.</summary>
    public static IReadOnlyList<AccessEntry> Latest(DbConnection connection, int count = 200) =>
        connection.Query<Row>("SELECT id, at, who, what, year, council_code FROM access_log ORDER BY id DESC LIMIT @count", new { count })
            .Select(r => new AccessEntry(r.Id, StoredTime.Parse(r.At), r.Who, r.What, r.Year is { } year ? new FinancialYear((int)year) : null, r.CouncilCode))
            .ToList();

    private sealed class Row
    {
        public long Id { get; set; }
        public string At { get; set; } = "";
        public string Who { get; set; } = "";
        public string What { get; set; } = "";
        public long? Year { get; set; }
        public string? CouncilCode { get; set; }
    }
}
