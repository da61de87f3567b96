using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Upheld.Import;

/// <summary>A kind of case row staff record one at a time: its import file, its table, the columns that find a stored row, and the columns a form fills.</summary>
public sealed record CaseRow(string Slug, string File, string Table, IReadOnlyList<string> Key, IReadOnlyList<string> Columns)
{
    public static readonly CaseRow Decision = new("decision", "decisions.csv", "decisions", ["case_ref"],
        ["case_ref", "authority_code", "received_date", "decision_date", "category", "subcategory", "outcome", "remedied_by_authority", "summary"]);

    public static readonly CaseRow Recommendation = new("recommendation", "recommendations.csv", "recommendations", ["case_ref", "kind", "text"],
        ["case_ref", "authority_code", "kind", "remedy_category", "text", "amount_gbp", "due_date"]);

    public static readonly CaseRow Compliance = new("compliance", "compliance.csv", "compliance", ["case_ref"],
        ["case_ref", "authority_code", "recorded_date", "outcome"]);

    /// <summary>The values as a one-row file of the import format, so a form is checked exactly as an import is.</summary>
    internal byte[] AsImportFile(IReadOnlyDictionary<string, string?> values) =>
        Csv.CsvWriter.BuildImportFile(Columns, [Columns.Select(values.GetValueOrDefault).ToList()]);
}

/// <summary>Reads a stored case row back, column by column, for correcting and for the audit log.</summary>
public static class StoredRows
{
    /// <summary>The stored row with <paramref name="key"/>'s values in <paramref name="kind"/>'s key columns, column by column as stored, or null.</summary>
    public static IDictionary<string, object?>? Find(DbConnection connection, DbTransaction? transaction, CaseRow kind, IReadOnlyDictionary<string, string?> key)
    {
        var where = string.Join(" AND ", kind.Key.Select(k => $"{k} = @{k}"));
        var parameters = new DynamicParameters();
        foreach (var k in kind.Key) parameters.Add(k, key.GetValueOrDefault(k) ?? "");
        return connection.Query($"SELECT * FROM {kind.Table} WHERE {where}", parameters, transaction).FirstOrDefault() as IDictionary<string, object?>;
    }

    /// <summary>The stored recommendation with <paramref name="key"/>, column by column, or null.</summary>
    public static IDictionary<string, object?>? Recommendation(DbConnection connection, DbTransaction? transaction, RecommendationKey key) =>
        connection.Query("SELECT * FROM recommendations WHERE case_ref = @CaseRef AND kind = @Kind AND text_hash = @TextHash", key, transaction)
            .FirstOrDefault() as IDictionary<string, object?>;

    /// <summary>The row as the audit log keeps it, without the columns the store derives (hashes, order, search words).</summary>
    public static string? Json(IDictionary<string, object?>? row) =>
        row is null ? null : JsonSerializer.Serialize(row
            .Where(c => c.Key is not ("text_hash" or "seq" or "search_words"))
            .ToDictionary(c => c.Key, c => c.Value is DBNull ? null : c.Value));
}
