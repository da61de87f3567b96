using System.Data.Common;
using Dapper;
using Upheld.Csv;

namespace Upheld.Web.Staff;

/// <summary>A council's case-by-case spreadsheets of one year, published or not: received, decided and compliance outcomes.</summary>
internal static class CouncilCases
{
    public static readonly IReadOnlyDictionary<string, (string Sql, string[] Columns)> Sheets = new Dictionary<string, (string, string[])>
    {
        ["received"] = ("SELECT case_ref, authority_code, received_date, category, subcategory FROM received WHERE authority_code = @code AND year = @year ORDER BY received_date, case_ref",
            ["case_ref", "authority_code", "received_date", "category", "subcategory"]),
        ["decided"] = ("SELECT case_ref, authority_code, received_date, decision_date, category, subcategory, outcome, remedied_by_authority, summary FROM decisions WHERE authority_code = @code AND year = @year ORDER BY decision_date, case_ref",
            ["case_ref", "authority_code", "received_date", "decision_date", "category", "subcategory", "outcome", "remedied_by_authority", "summary"]),
        ["compliance"] = ("SELECT case_ref, authority_code, recorded_date, outcome FROM compliance WHERE authority_code = @code AND year = @year ORDER BY recorded_date, case_ref",
            ["case_ref", "authority_code", "recorded_date", "outcome"]),
    };

    /// <summary>The sheet as CSV in the import's own columns, every field defused for spreadsheets by the shared writer.</summary>
    public static byte[] Csv(DbConnection connection, string sheet, string code, FinancialYear year)
    {
        var (sql, columns) = Sheets[sheet];
        var rows = connection.Query(sql, new { code, year = year.StartYear }).Cast<IDictionary<string, object?>>()
            .Select(r => (IReadOnlyList<string?>)columns.Select(c => Field(c, r[c])).ToList());
        return CsvWriter.Build(columns, rows);
    }

    private static string? Field(string column, object? value) => column switch
    {
        _ when value is null or DBNull => null,
        "remedied_by_authority" => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 1 ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
