using System.Data.Common;
using Dapper;

namespace Upheld.Accounts;

/// <summary>
/// One role of one organisation that saw a year's data before its publication: the ombudsman's staff or publishers, or a
/// council's link officers, with the moment the first of them did. Never a person.
/// </summary>
/// <param name="Role">Null for views logged before roles were recorded, by an account removed since.</param>
/// <param name="CouncilCode">The link officers' council; null for the ombudsman's own roles.</param>
public sealed record PreReleaseAccessor(StaffRole? Role, string? CouncilCode, DateTimeOffset AccessBegan);

/// <summary>The pre-release access list of a year (docs/staff-guide.md, "The release calendar"), built from the access log.</summary>
public static class PreReleaseAccess
{
    /// <summary>
    /// Each role and organisation with a logged view of <paramref name="year"/> before <paramref name="publishedAt"/>, in the order
    /// their access began (the ombudsman's roles first on a tie).
    /// </summary>
    public static IReadOnlyList<PreReleaseAccessor> For(DbConnection connection, FinancialYear year, DateTimeOffset publishedAt) =>
        connection.Query<(string? Role, string? Organisation, string First)>(
                """
                SELECT role, organisation_code, MIN(at) FROM access_log
                WHERE year = @year AND at < @publishedAt
                GROUP BY role, organisation_code
                """,
                new { year = year.StartYear, publishedAt = StoredTime.Format(publishedAt) })
            .Select(r => new PreReleaseAccessor(StaffRoles.Parse(r.Role), r.Role == "link-officer" ? r.Organisation : null, StoredTime.Parse(r.First)))
            .OrderBy(a => a.AccessBegan).ThenBy(a => a.CouncilCode is null ? 0 : 1).ThenBy(a => a.Role).ThenBy(a => a.CouncilCode, StringComparer.Ordinal)
            .ToList();
}
