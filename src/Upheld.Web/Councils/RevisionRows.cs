using System.Globalization;
using System.Text.Json;

namespace Upheld.Web.Councils;

/// <summary>One figure of a revised council-year: as published and as revised, in the words of the council page.</summary>
public sealed record RevisionRow(string Figure, string Published, string Revised);

/// <summary>Reads the published and the current statistics records into the rows a council page shows side by side.</summary>
public static class RevisionRows
{
    private static readonly (string Figure, Func<JsonElement, string> Text)[] Figures =
    [
        ("Complaints upheld", r => Share(r, "uphold_pct", "upheld", "investigations", "detailed investigations")),
        ("Average of similar councils: complaints upheld", r => Average(r, "uphold_pct")),
        ("Compliance with recommendations", r => Share(r, "compliance_pct", "complied", "compliance_outcomes", "compliance outcomes")),
        ("Average of similar councils: compliance", r => Average(r, "compliance_pct")),
        ("Satisfactory remedies provided by the council", r => Share(r, "satisfactory_remedy_pct", "satisfactory_remedies", "upheld", "upheld decisions")),
        ("Average of similar councils: satisfactory remedies", r => Average(r, "satisfactory_remedy_pct")),
        ("Upheld complaints per 100,000 residents", r => Text(r, "upheld_per_100k_text") ?? "No population estimate"),
        ("Average of similar councils: upheld per 100,000", r => Average(r, "upheld_per_100k_text")),
        ("Compared with similar councils: complaints upheld", r => Comparison(r, "uphold")),
        ("Compared with similar councils: compliance", r => Comparison(r, "compliance")),
        ("Compared with similar councils: satisfactory remedies", r => Comparison(r, "satisfactory_remedy")),
        ("Compared with similar councils: upheld per 100,000", r => Comparison(r, "upheld_per_100k")),
        ("Complaints and enquiries received", r => Count(r, "received")),
        ("Complaints decided", r => Count(r, "decided")),
    ];

    /// <summary>The figures that differ; every figure when none of the printed ones does (an unrounded rate changed).</summary>
    public static IReadOnlyList<RevisionRow> Of(string publishedJson, string currentJson)
    {
        using var published = JsonDocument.Parse(publishedJson);
        using var current = JsonDocument.Parse(currentJson);
        var rows = Figures.Select(f => new RevisionRow(f.Figure, f.Text(published.RootElement), f.Text(current.RootElement))).ToList();
        var changed = rows.Where(r => r.Published != r.Revised).ToList();
        return changed.Count > 0 ? changed : rows;
    }

    private static string Share(JsonElement record, string pct, string numerator, string denominator, string noun) =>
        Text(record, pct) is { } figure
            ? $"{figure} ({Count(record, numerator)} of {Count(record, denominator)} {(Count(record, denominator) == "1" ? noun.TrimEnd('s') : noun)})"
            : $"No {noun}";

    private static string Average(JsonElement record, string field) =>
        record.TryGetProperty("average", out var average) ? Text(average, field) ?? "None" : "None";

    private static string Comparison(JsonElement record, string field) =>
        record.TryGetProperty("comparison", out var comparison) ? Text(comparison, field) ?? "None" : "None";

    private static string? Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Count(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "none";
}
