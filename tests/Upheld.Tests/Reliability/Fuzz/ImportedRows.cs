using System.Data.Common;
using Dapper;
using Upheld.Import;

namespace Upheld.Tests.Reliability.Fuzz;

/// <summary>Reads imported rows back out of the database in the import format, column by column, so a test can show
/// that what went in comes out the same.</summary>
public static class ImportedRows
{
    private static readonly Dictionary<string, (string Sql, string[] Key)> Queries = new()
    {
        ["populations.csv"] = ("SELECT code, year, population FROM populations WHERE code = @p0 AND year = @p1", ["code", "year"]),
        ["contacts.csv"] = ("SELECT code, year, honorific, surname, role FROM contacts WHERE code = @p0 AND year = @p1", ["code", "year"]),
        ["received.csv"] = ("SELECT case_ref, authority_code, received_date, category, subcategory FROM received WHERE case_ref = @p0", ["case_ref"]),
        ["decisions.csv"] = ("SELECT case_ref, authority_code, received_date, decision_date, category, subcategory, outcome, remedied_by_authority, summary FROM decisions WHERE case_ref = @p0", ["case_ref"]),
        ["recommendations.csv"] = ("SELECT case_ref, authority_code, kind, remedy_category, text, amount_pence AS amount_gbp, due_date FROM recommendations WHERE case_ref = @p0 AND kind = @p1 AND text = @p2", ["case_ref", "kind", "text"]),
        ["compliance.csv"] = ("SELECT case_ref, authority_code, recorded_date, outcome FROM compliance WHERE case_ref = @p0", ["case_ref"]),
        ["public_reports.csv"] = ("SELECT case_ref, authority_code, issued_date, title, summary FROM public_reports WHERE case_ref = @p0", ["case_ref"]),
        ["commentary.csv"] = ("SELECT authority_code, year, position, text FROM commentary WHERE authority_code = @p0 AND year = @p1 AND position = @p2", ["authority_code", "year", "position"]),
    };

    /// <summary>The stored row a generated row became, written back as import-format fields by column name; null if none.</summary>
    public static Dictionary<string, string>? Find(DbConnection connection, GeneratedFile file, string[] row)
    {
        var (sql, key) = Queries[file.Name];
        var parameters = new DynamicParameters();
        for (var i = 0; i < key.Length; i++) parameters.Add($"p{i}", Stored(key[i], file.Field(row, key[i])));
        var stored = connection.QuerySingleOrDefault(sql, parameters) as IDictionary<string, object?>;
        return stored?.ToDictionary(c => c.Key, c => Exported(c.Key, c.Value));
    }

    /// <summary>A key as the database keeps it: years as their first calendar year, positions as numbers.</summary>
    private static object Stored(string column, string value) => column switch
    {
        "year" => FinancialYear.Parse(value).StartYear,
        "position" => long.Parse(value),
        _ => value,
    };

    private static string Exported(string column, object? value) => (column, value) switch
    {
        (_, null) => "",
        ("year", _) => new FinancialYear(Convert.ToInt32(value)).ToString(),
        ("remedied_by_authority", _) => Convert.ToInt64(value) == 1 ? "true" : "false",
        ("amount_gbp", _) => Money.Pounds(Convert.ToInt64(value)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
