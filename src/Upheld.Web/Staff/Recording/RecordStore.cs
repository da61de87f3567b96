using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>Shows a stored row (read by <see cref="StoredRows"/>) on a form as the import format writes it, and lists a case's recommendations.</summary>
internal static class RecordStore
{
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

    /// <summary>All recommendations of a case, in the letter's order, so staff can choose which to correct.</summary>
    public static IReadOnlyList<(RecommendationKey Key, string Text)> Recommendations(DbConnection connection, string caseRef) =>
        connection.Query<(string Kind, string Hash, string Text)>("SELECT kind, text_hash, text FROM recommendations WHERE case_ref = @caseRef ORDER BY seq", new { caseRef })
            .Select(r => (new RecommendationKey(caseRef, r.Kind, r.Hash), r.Text)).ToList();
}
