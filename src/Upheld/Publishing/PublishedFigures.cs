using System.Data.Common;
using System.Text.Json;
using Dapper;
using Upheld.Letters;

namespace Upheld.Publishing;

/// <summary>One council's record of a kind as published, with its latest revision if any.</summary>
/// <param name="RecordJson">The record exactly as it was written at publication, on one line (for the statistics, as <c>stats --format json</c> wrote it).</param>
/// <param name="RevisedJson">The record as the latest revision left it; null when never revised.</param>
/// <param name="RevisedBy">Whether the latest change was a revision or a correction, and why; null when never revised.</param>
public sealed record PublishedRecord(string RecordJson, DateTimeOffset TakenAt, DateTimeOffset? RevisedAt, string? RevisedJson, RevisionNote? RevisedBy = null)
{
    /// <summary>True when the current figures differ from those published in anything but the averages' unrounded rates.</summary>
    /// <remarks>A record written exactly as published has the same substance, without reading either (most records are unrevised).</remarks>
    public bool IsRevised(string currentJson) => !string.Equals(currentJson, RecordJson, StringComparison.Ordinal) && Substance(currentJson) != Substance(RecordJson);

    /// <summary>When the current figures were recorded as a revision; null when they are not revised or the change was never recorded.</summary>
    public DateTimeOffset? RevisedOn(string currentJson) =>
        IsRevised(currentJson) && RevisedJson is not null && Substance(RevisedJson) == Substance(currentJson) ? RevisedAt : null;

    /// <summary>
    /// The record without the averages' unrounded rates (every number of its <c>average</c> object; the printed texts stay) and
    /// without its figures at national rates (its <c>at_national_rates</c> object, the case-mix ratio's expected count, ratio and interval;
    /// each service-area signal's expected count, p-value and q-value).
    /// </summary>
    /// <remarks>
    /// One case at one council moves the unrounded average of every council of its type; only a change that shows
    /// (a council's own figures, a printed average, a comparison) makes another council's figures revised. The national rates of the
    /// case-mix ratio tie every council in England together, so there only the council's own counts and its comparison with 1 count; the
    /// q-values of the service-area signals tie them too, so there only the council's own signals count.
    /// </remarks>
    public static string Substance(string recordJson)
    {
        var record = System.Text.Json.Nodes.JsonNode.Parse(recordJson)!.AsObject();
        if (record["average"] is System.Text.Json.Nodes.JsonObject average)
            foreach (var field in average.Where(f => f.Value?.GetValueKind() == JsonValueKind.Number).Select(f => f.Key).ToList()) average.Remove(field);
        record.Remove("at_national_rates");
        Signals.SignalsRecord.RemoveNationalFields(record);
        return record.ToJsonString();
    }
}

/// <summary>A letter as published: the composed letter, its content hash and, once first served, its HTML.</summary>
public sealed record PublishedLetter(string AuthorityCode, string ContentHash, Letter Letter, string? Html, DateTimeOffset TakenAt);

/// <summary>Reads a year's snapshot (see <see cref="PublishedSnapshots"/>) for the site and the API.</summary>
public static class PublishedFigures
{
    private sealed record Row(string Authority_Code, string Record_Json, string Taken_At, string? Revised_At, string? Revised_Json, string? Change, string? Reason);

    private sealed record LetterRow(string Authority_Code, string Content_Hash, string Letter_Json, string? Html, string Taken_At);

    /// <summary>Every authority's published statistics record of the year, by code; empty when the year has no snapshot.</summary>
    public static IReadOnlyDictionary<string, PublishedRecord> ForYear(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        ForYear(connection, year, PublishedKinds.Statistics, transaction);

    /// <summary>Every council's published record of a kind (<see cref="PublishedKinds"/>) of the year, by code; empty when there is none.</summary>
    public static IReadOnlyDictionary<string, PublishedRecord> ForYear(DbConnection connection, FinancialYear year, string kind, DbTransaction? transaction = null) =>
        connection.Query<Row>(
                """
                SELECT p.authority_code, p.record_json, p.taken_at, v.at AS revised_at, r.record_json AS revised_json, v.change, v.reason
                FROM published_records p
                LEFT JOIN version_records r ON r.year = p.year AND r.kind = p.kind AND r.authority_code = p.authority_code
                    AND r.version = (SELECT MAX(x.version) FROM version_records x WHERE x.year = p.year AND x.kind = p.kind AND x.authority_code = p.authority_code
                        AND x.version > (SELECT COALESCE(MAX(pv.version), 0) FROM year_versions pv WHERE pv.year = p.year AND pv.change = 'publication'))
                LEFT JOIN year_versions v ON v.year = r.year AND v.version = r.version
                WHERE p.year = @year AND p.kind = @kind
                """, new { year = year.StartYear, kind }, transaction)
            .ToDictionary(r => r.Authority_Code, r => new PublishedRecord(r.Record_Json, PublishedSnapshots.Parse(r.Taken_At),
                r.Revised_At is null ? null : PublishedSnapshots.Parse(r.Revised_At), r.Revised_Json,
                r.Change is null ? null : new RevisionNote(r.Reason, r.Change == "correction")), StringComparer.Ordinal);

    /// <summary>The letters published for the year, by council code.</summary>
    public static IReadOnlyDictionary<string, PublishedLetter> Letters(DbConnection connection, FinancialYear year) =>
        connection.Query<LetterRow>(
                "SELECT authority_code, content_hash, letter_json, html, taken_at FROM published_letters WHERE year = @year", new { year = year.StartYear })
            .ToDictionary(r => r.Authority_Code, r => new PublishedLetter(r.Authority_Code, r.Content_Hash,
                JsonSerializer.Deserialize<Letter>(r.Letter_Json, PublishedSnapshots.LetterJson)!, r.Html, PublishedSnapshots.Parse(r.Taken_At)), StringComparer.Ordinal);

    internal static HashSet<string> LetterCodes(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<string>("SELECT authority_code FROM published_letters WHERE year = @year", new { year = year.StartYear }, transaction).ToHashSet(StringComparer.Ordinal);

    /// <summary>Keeps the HTML a published letter was first served as, so later changes to the template leave it as published.</summary>
    public static void KeepHtml(DbConnection connection, FinancialYear year, string code, string contentHash, string html) =>
        connection.Execute(
            "UPDATE published_letters SET html = @html WHERE year = @year AND authority_code = @code AND content_hash = @contentHash AND html IS NULL",
            new { year = year.StartYear, code, contentHash, html });
}
