using System.Globalization;
using System.Text.Json;
using Upheld.ComplaintHandling;
using Upheld.Publishing;
using Upheld.Web.Councils;

namespace Upheld.Web.ComplaintHandling;

/// <summary>Reads a revised complaint-handling or self-assessment record into the rows the council page shows side by side.</summary>
public static class ComplaintHandlingRevisionRows
{
    private static readonly (string Figure, Func<JsonElement, string> Text)[] Figures =
    [
        ("Stage 1 received", r => Count(r, "stage1_received")),
        ("Stage 1 responded to", r => Count(r, "stage1_responded")),
        ("Stage 1 answered in time", r => Share(r, "stage1_in_time", "stage1_in_time_pct")),
        ("Stage 1 upheld by the council", r => Share(r, "stage1_upheld", "stage1_upheld_pct")),
        ("Stage 2 received", r => Count(r, "stage2_received")),
        ("Stage 2 responded to", r => Count(r, "stage2_responded")),
        ("Stage 2 answered in time", r => Share(r, "stage2_in_time", "stage2_in_time_pct")),
        ("Stage 2 upheld by the council", r => Share(r, "stage2_upheld", "stage2_upheld_pct")),
        ("Stage 1 received per 10,000 residents", r => Text(r, "stage1_per_10k_text") ?? "–"),
        ("Ombudsman complaints per 100 stage 2 responses", r => Text(r, "ombudsman_per_100_stage2_text") ?? "–"),
        ("Average of similar councils: stage 1 answered in time", r => Nested(r, "average", "stage1_in_time_pct")),
        ("Average of similar councils: stage 2 answered in time", r => Nested(r, "average", "stage2_in_time_pct")),
        ("Compared with similar councils: stage 1 answered in time", r => Nested(r, "comparison", "stage1_in_time")),
        ("Compared with similar councils: stage 2 answered in time", r => Nested(r, "comparison", "stage2_in_time")),
        ("Self-assessment", r => r.TryGetProperty("self_assessment", out var a) && a.ValueKind == JsonValueKind.Object
            ? $"submitted {Written(Text(a, "submitted_on"))}, follows {a.GetProperty("follows").GetInt64()} of {a.GetProperty("sections").GetInt64()} sections"
            : "None received"),
    ];

    /// <summary>The rows that differ; every row when none of the printed ones does.</summary>
    public static IReadOnlyList<RevisionRow> Of(RecordRevision revision)
    {
        using var published = JsonDocument.Parse(revision.PublishedJson);
        using var current = JsonDocument.Parse(revision.CurrentJson);
        var rows = revision.Kind == PublishedKinds.SelfAssessment
            ? SectionRows(published.RootElement, current.RootElement)
            : Figures.Select(f => new RevisionRow(f.Figure, f.Text(published.RootElement), f.Text(current.RootElement))).ToList();
        var changed = rows.Where(r => r.Published != r.Revised).ToList();
        return changed.Count > 0 ? changed : rows;
    }

    // One row per section of the Code, in the template's order, then the date the self-assessment was submitted.
    private static List<RevisionRow> SectionRows(JsonElement published, JsonElement current)
    {
        var before = Sections(published);
        var after = Sections(current);
        var rows = CodeSections.Ids
            .Where(id => before.ContainsKey(id) || after.ContainsKey(id))
            .Select(id => new RevisionRow(CodeSections.HeadingOf(id), before.GetValueOrDefault(id, "Not assessed"), after.GetValueOrDefault(id, "Not assessed")))
            .ToList();
        rows.Add(new RevisionRow("Submitted on", Written(Text(published, "submitted_on")) ?? "None received", Written(Text(current, "submitted_on")) ?? "None received"));
        return rows;
    }

    private static Dictionary<string, string> Sections(JsonElement record) =>
        record.GetProperty("sections").EnumerateArray().ToDictionary(
            s => s.GetProperty("section").GetString()!,
            s => Text(s, "follows") == "yes"
                ? "Follows it"
                : $"Does not follow it; action: {Text(s, "action") ?? "none"}; target date {Written(Text(s, "target_date")) ?? "none"}",
            StringComparer.Ordinal);

    private static string Share(JsonElement record, string count, string pct) =>
        record.TryGetProperty(count, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture) + (Text(record, pct) is { } text ? $" ({text})" : "")
            : "–";

    private static string Count(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture) : "–";

    private static string Nested(JsonElement record, string outer, string field) =>
        record.TryGetProperty(outer, out var inner) ? Text(inner, field) ?? "None" : "None";

    // A date as the council page writes dates: "30 June 2026".
    private static string? Written(string? isoDate) =>
        isoDate is null ? null : DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
