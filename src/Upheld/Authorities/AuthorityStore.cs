using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.Authorities;

/// <summary>Reads the councils held in a database.</summary>
public static class AuthorityStore
{
    private sealed record Row(
        string Code, string Name, string OfficialName, string Type, string? Region, string? ParentCode,
        string? ValidFrom, string? ValidTo, string SuccessorCodes);

    public static IReadOnlyList<Authority> All(DbConnection connection, DbTransaction? transaction = null) =>
        connection.Query<Row>(
                "SELECT code, name, official_name, type, region, parent_code, valid_from, valid_to, successor_codes FROM authorities ORDER BY code",
                transaction: transaction)
            .Select(r => new Authority(
                r.Code, r.Name, r.OfficialName,
                AuthorityTypes.Parse(r.Type) ?? throw new InvalidDataException($"authority {r.Code} has unknown type '{r.Type}'"),
                r.Region, r.ParentCode, Date(r.ValidFrom), Date(r.ValidTo),
                r.SuccessorCodes.Split(';', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
