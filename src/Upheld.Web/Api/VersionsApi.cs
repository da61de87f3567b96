using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Publishing;
using Upheld.Web.Pages;

namespace Upheld.Web.Api;

/// <summary>
/// Every version of a published year (docs/site-and-api.md, "Versions"): the list, each version's statistics as they then
/// stood and what changed from the version before, and a page listing them with a "cite this" line for each.
/// </summary>
/// <remarks>Published years only, and only versions whose time has come: a publication still to come is no version yet.</remarks>
public static class VersionsApi
{
    public static void MapVersions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(OpenDataApi.WithLicence);
        api.MapGet("/years/{year}/versions", List)
            .WithName("YearVersions").WithSummary("Every version of a published year, oldest first: each publication, revision, correction and withdrawal, with when, why and how many councils it changed, and a line to cite it by.");
        api.MapGet("/years/{year}/versions.json", List)
            .WithName("YearVersionsFile").WithSummary("The same as /api/v1/years/{year}/versions, as a file name.");
        api.MapGet("/years/{year}/versions/{version}/statistics.json", (string year, string version, SiteData data) =>
                Find(data, year, version) is { } found && found.Records is { } records
                    ? Bytes(stream => WriteStatistics(stream, records[PublishedKinds.Statistics]))
                    : Results.NotFound())
            .WithName("YearVersionStatistics").WithSummary("Every council's statistics as they stood in one version of a published year, as `upheld stats --format json` then printed them.");
        api.MapGet("/years/{year}/versions/{version}/changes.json", (string year, string version, SiteData data) =>
                Find(data, year, version) is { } found ? Bytes(stream => WriteChanges(stream, found.Changes)) : Results.NotFound())
            .WithName("YearVersionChanges").WithSummary("What changed from the version before, field by field: the council, the record (statistics, complaint-handling or self-assessment), the field, and its value before and after.");

        app.MapGet("/years/{year}/versions", (string year, SiteData data) =>
            FinancialYear.TryParse(year, out var y) && data.Versions(y.Value) is { } versions
                ? Answers.Page<VersionsPage, VersionsPageModel>(new(y.Value, versions, data.IsDemonstration))
                : Answers.NotFound());
    }

    public static string ListHref(FinancialYear year) => $"/api/v1/years/{year}/versions.json";

    public static string StatisticsHref(FinancialYear year, int version) => $"/api/v1/years/{year}/versions/{version}/statistics.json";

    public static string ChangesHref(FinancialYear year, int version) => $"/api/v1/years/{year}/versions/{version}/changes.json";

    /// <summary>How to cite a version: title, year, version, date and address.</summary>
    public static string Cite(YearVersion v) =>
        $"Upheld, Council complaint statistics {v.Year}, version {v.Number} ({v.Change.WireName()}, {v.At.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}), {StatisticsHref(v.Year, v.Number)}";

    private static IResult List(string year, SiteData data)
    {
        if (!FinancialYear.TryParse(year, out var y) || data.Versions(y.Value) is not { } versions) return Results.NotFound();
        return Bytes(stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            w.WriteStartArray();
            foreach (var v in versions)
            {
                w.WriteStartObject();
                w.WriteNumber("version", v.Number);
                w.WriteString("published_at", v.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                w.WriteString("kind", v.Change.WireName());
                w.WriteString("reason", v.Reason);
                w.WriteNumber("councils_changed", v.CouncilsChanged);
                if (v.Change == VersionChange.Withdrawal) w.WriteNull("statistics"); else w.WriteString("statistics", StatisticsHref(v.Year, v.Number));
                w.WriteString("changes", ChangesHref(v.Year, v.Number));
                w.WriteString("cite", Cite(v));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private sealed record Found(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Records, IReadOnlyList<VersionFieldChange> Changes);

    private static Found? Find(SiteData data, string year, string version)
    {
        if (!FinancialYear.TryParse(year, out var y) || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || data.Versions(y.Value) is not { } versions || versions.All(v => v.Number != n)) return null;
        return new Found(data.VersionRecords(y.Value, n), data.VersionChanges(y.Value, n));
    }

    // The records as the snapshot kept them, one line each, written out as `stats --format json` writes its array.
    private static void WriteStatistics(Stream stream, IReadOnlyDictionary<string, string> records)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var record in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(record.Value);
            document.RootElement.WriteTo(w);
        }
        w.WriteEndArray();
    }

    private static void WriteChanges(Stream stream, IReadOnlyList<VersionFieldChange> changes)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("council", c.Council);
            w.WriteString("record", c.Kind);
            w.WriteString("field", c.Field);
            w.WritePropertyName("before");
            if (c.Before is null) w.WriteNullValue(); else w.WriteRawValue(c.Before);
            w.WritePropertyName("after");
            if (c.After is null) w.WriteNullValue(); else w.WriteRawValue(c.After);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static IResult Bytes(Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }
}
