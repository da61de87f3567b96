using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>Reads a stored row back for correcting (as the import format writes it) and for the audit log (as JSON).</summary>
internal static class RecordStore
{
    /// <summary>The stored row with <paramref name="key"/>'s values, column by column as stored, or null.</summary>
    public static IDictionary<string, object?>? Find(DbConnection connection, DbTransaction? transaction, RecordKind kind, IReadOnlyDictionary<string, string?> key)
    {
        var where = string.Join(" AND ", kind.Key.Select(k => $"{k} = @{k}"));
        var parameters = new DynamicParameters();
        foreach (var k in kind.Key) parameters.Add(k, key.GetValueOrDefault(k) ?? "");
        var row = connection.Query($"SELECT * FROM {kind.Table} WHERE {where}", parameters, transaction).FirstOrDefault() as IDictionary<string, object?>;
        return row;
    }

    /// <summary>The stored row as the form shows it: dates as written, flags as true/false, pence as pounds.</summary>
    public static Dictionary<string, string?> FormValues(RecordKind kind, IDictionary<string, object?> row)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in kind.Columns)
        {
            values[column] = column switch
            {
                "remedied_by_authority" => Convert.ToInt64(row["remedied_by_authority"], CultureInfo.InvariantCulture) == 1 ? "true" : "false",
                "amount_gbp" => row["amount_pence"] is { } pence and not DBNull ? Money.Pounds(Convert.ToInt64(pence, CultureInfo.InvariantCulture)) : null,
                _ => row.TryGetValue(column, out var v) && v is not null and not DBNull ? Convert.ToString(v, CultureInfo.InvariantCulture) : null,
            };
        }
        return values;
    }

    public static string? Json(IDictionary<string, object?>? row) =>
        row is null ? null : JsonSerializer.Serialize(row
            .Where(c => c.Key is not ("text_hash" or "seq" or "search_words"))
            .ToDictionary(c => c.Key, c => c.Value is DBNull ? null : c.Value));

    /// <summary>All recommendations of a case, in the letter's order, so staff can choose which to correct.</summary>
    public static IReadOnlyList<(RecommendationKey Key, string Text)> Recommendations(DbConnection connection, string caseRef) =>
        connection.Query<(string Kind, string Hash, string Text)>("SELECT kind, text_hash, text FROM recommendations WHERE case_ref = @caseRef ORDER BY seq", new { caseRef })
            .Select(r => (new RecommendationKey(caseRef, r.Kind, r.Hash), r.Text)).ToList();

    /// <summary>The stored recommendation with <paramref name="key"/>, column by column, or null.</summary>
    public static IDictionary<string, object?>? Recommendation(DbConnection connection, DbTransaction? transaction, RecommendationKey key) =>
        connection.Query("SELECT * FROM recommendations WHERE case_ref = @CaseRef AND kind = @Kind AND text_hash = @TextHash", key, transaction)
            .FirstOrDefault() as IDictionary<string, object?>;
}
