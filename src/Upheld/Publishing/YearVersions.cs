using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;

namespace Upheld.Publishing;

/// <summary>What a version of a year is: its first (or a new) publication, a revision from new information, a correction of an error, or a withdrawal.</summary>
public enum VersionChange { Publication, Revision, Correction, Withdrawal }

/// <summary>Why a change to a published year's data was made, and whether it corrects an error (else it is a revision from new information).</summary>
/// <param name="Reason">In the words of whoever made it; null when not given (the command line's default).</param>
/// <param name="ReasonRequired">The staff forms' rule: a change that revises a published year is refused without a reason
/// (<see cref="RevisionReasonMissing"/>), and nothing is changed.</param>
public sealed record RevisionNote(string? Reason, bool Correction, bool ReasonRequired = false)
{
    public VersionChange Change => Correction ? VersionChange.Correction : VersionChange.Revision;
}

/// <summary>A change would revise a published year's figures, and its caller requires a reason it was not given.</summary>
public sealed class RevisionReasonMissing(FinancialYear year)
    : InvalidOperationException($"{year} is published: give the reason for changing its figures, and say whether it corrects an error")
{
    public FinancialYear Year { get; } = year;
}

/// <summary>One numbered version of a year (docs/staff-guide.md, "Versions").</summary>
/// <param name="CouncilsChanged">A publication: the councils it published; a revision or correction: the councils whose printed records changed; a withdrawal: 0.</param>
public sealed record YearVersion(FinancialYear Year, int Number, VersionChange Change, DateTimeOffset At, string? Reason, int CouncilsChanged);

/// <summary>One field of one council's record that differs between a version and the one before it.</summary>
/// <param name="Before">The field's JSON value before, as JSON text; null when the field (or the council) was absent.</param>
public sealed record VersionFieldChange(string Kind, string Council, string Field, string? Before, string? After);

/// <summary>
/// Every publication of a year and every later change is a numbered version that never changes once its time has come
/// (docs/staff-guide.md, "Versions"). The writes happen inside the use cases' transactions, through
/// <see cref="PublishedSnapshots"/> and <see cref="SetPublication"/>; the reads serve the API.
/// </summary>
public static class YearVersions
{
    public static string WireName(this VersionChange change) => change.ToString().ToLowerInvariant();

    private sealed class Row
    {
        public long Version { get; set; }
        public string Change { get; set; } = "";
        public string At { get; set; } = "";
        public string? Reason { get; set; }
    }

    private static VersionChange Parse(string change) => Enum.Parse<VersionChange>(change, ignoreCase: true);

    /// <summary>The year's versions whose time has come at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<YearVersion> List(DbConnection connection, FinancialYear year, DateTimeOffset now, DbTransaction? transaction = null)
    {
        var rows = All(connection, year, transaction).Where(r => PublishedSnapshots.Parse(r.At) <= now).ToList();
        var changedCouncils = connection.Query<(long Version, long Councils)>(
                "SELECT CAST(version AS BIGINT), CAST(COUNT(DISTINCT authority_code) AS BIGINT) FROM version_records WHERE year = @year GROUP BY version",
                new { year = year.StartYear }, transaction)
            .ToDictionary(r => r.Version, r => (int)r.Councils);
        var publishedCouncils = connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM published_records WHERE year = @year AND kind = @kind", new { year = year.StartYear, kind = PublishedKinds.Statistics }, transaction);
        var current = CurrentPublication(rows);
        return rows.Select(r =>
        {
            var change = Parse(r.Change);
            var councils = change switch
            {
                VersionChange.Withdrawal => 0,
                VersionChange.Publication when r.Version == current => (int)publishedCouncils,
                _ => changedCouncils.GetValueOrDefault(r.Version),
            };
            return new YearVersion(year, (int)r.Version, change, PublishedSnapshots.Parse(r.At), r.Reason, councils);
        }).ToList();
    }

    /// <summary>Every council's records of each kind as they stood in the version, by kind then code; null for a withdrawal or a version that does not exist.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Records(DbConnection connection, FinancialYear year, int version, DbTransaction? transaction = null)
    {
        var rows = All(connection, year, transaction);
        if (rows.FirstOrDefault(r => r.Version == version) is not { } row || Parse(row.Change) == VersionChange.Withdrawal) return null;
        var publication = rows.Where(r => r.Version <= version && Parse(r.Change) == VersionChange.Publication).Select(r => r.Version).DefaultIfEmpty(0).Max();
        var p = new { year = year.StartYear, publication, version };
        var archived = connection.Query<(string Kind, string Code, string Json)>(
            "SELECT kind, authority_code, record_json FROM version_records WHERE year = @year AND version = @publication", p, transaction).ToList();
        var base_ = archived.Count > 0 || publication != CurrentPublication(rows)
            ? archived
            : connection.Query<(string Kind, string Code, string Json)>(
                "SELECT kind, authority_code, record_json FROM published_records WHERE year = @year", p, transaction).ToList();
        var records = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var kind in PublishedKinds.All) records[kind] = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, code, json) in base_) Add(records, kind)[code] = json;
        foreach (var (kind, code, json) in connection.Query<(string Kind, string Code, string Json)>(
                     "SELECT kind, authority_code, record_json FROM version_records WHERE year = @year AND version > @publication AND version <= @version ORDER BY version",
                     p, transaction))
            Add(records, kind)[code] = json;
        return records.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)r.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Add(Dictionary<string, Dictionary<string, string>> records, string kind) =>
        records.TryGetValue(kind, out var byCode) ? byCode : records[kind] = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// What changed from the version before with figures to this one, field by field (nested fields named with "_", as the CSV
    /// names them), councils and kinds in order; empty for a first publication or a withdrawal. The averages' unrounded rates
    /// are left out, as the revision rule leaves them out.
    /// </summary>
    public static IReadOnlyList<VersionFieldChange> Changes(DbConnection connection, FinancialYear year, int version, DbTransaction? transaction = null)
    {
        if (Records(connection, year, version, transaction) is not { } after) return [];
        var earlier = All(connection, year, transaction).Where(r => r.Version < version && Parse(r.Change) != VersionChange.Withdrawal).Select(r => (int)r.Version).ToList();
        if (earlier.Count == 0 || Records(connection, year, earlier.Max(), transaction) is not { } before) return [];
        var changes = new List<VersionFieldChange>();
        foreach (var kind in after.Keys.Union(before.Keys).OrderBy(k => PublishedKinds.All.ToList().IndexOf(k)))
        {
            var was = before.GetValueOrDefault(kind) ?? new Dictionary<string, string>();
            var now = after.GetValueOrDefault(kind) ?? new Dictionary<string, string>();
            foreach (var code in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var b = was.TryGetValue(code, out var x) ? Flatten(PublishedRecord.Substance(x)) : [];
                var a = now.TryGetValue(code, out var y) ? Flatten(PublishedRecord.Substance(y)) : [];
                foreach (var field in b.Keys.Union(a.Keys))
                {
                    var (bv, av) = (b.GetValueOrDefault(field), a.GetValueOrDefault(field));
                    if (bv != av) changes.Add(new VersionFieldChange(kind, code, field, bv, av));
                }
            }
        }
        return changes;
    }

    // Field name → JSON text of its value, nested objects' fields joined with "_"; arrays kept whole.
    private static Dictionary<string, string> Flatten(string json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string prefix)
        {
            if (node is JsonObject o)
                foreach (var (name, value) in o) Walk(value, prefix.Length == 0 ? name : $"{prefix}_{name}");
            else fields[prefix] = node?.ToJsonString() ?? "null";
        }
        Walk(JsonNode.Parse(json), "");
        return fields;
    }

    /// <summary>The time of every version of every year, past and to come: the moments at which a year's list of versions changes by time alone.</summary>
    public static IReadOnlyList<DateTimeOffset> Times(DbConnection connection) =>
        connection.Query<string>("SELECT at FROM year_versions").Select(PublishedSnapshots.Parse).ToList();

    private static List<Row> All(DbConnection connection, FinancialYear year, DbTransaction? transaction) =>
        connection.Query<Row>("SELECT version, change, at, reason FROM year_versions WHERE year = @year ORDER BY version",
            new { year = year.StartYear }, transaction).ToList();

    private static long CurrentPublication(IEnumerable<Row> rows) =>
        rows.Where(r => Parse(r.Change) == VersionChange.Publication).Select(r => r.Version).DefaultIfEmpty(0).Max();

    /// <summary>The number of the year's latest publication, pending or not; 0 when it has none.</summary>
    internal static long CurrentPublication(DbConnection connection, FinancialYear year, DbTransaction transaction) =>
        CurrentPublication(All(connection, year, transaction));

    /// <summary>Makes sure the year has a publication version at <paramref name="at"/>: a pending one is moved, a withdrawn or missing one added.</summary>
    internal static void EnsurePublication(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset at, DateTimeOffset now)
    {
        var latest = All(connection, year, transaction).LastOrDefault();
        var p = new { year = year.StartYear, at = PublishedSnapshots.Stamp(at) };
        if (latest is null || Parse(latest.Change) == VersionChange.Withdrawal)
            connection.Execute(
                "INSERT INTO year_versions (year, version, change, at) VALUES (@year, @version, 'publication', @at)",
                new { p.year, p.at, version = (latest?.Version ?? 0) + 1 }, transaction);
        else if (Parse(latest.Change) == VersionChange.Publication && PublishedSnapshots.Parse(latest.At) > now)
            connection.Execute("UPDATE year_versions SET at = @at WHERE year = @year AND version = @version", new { p.year, p.at, version = latest.Version }, transaction);
    }

    /// <summary>Drops a publication still to come (it never happened): a scheduled year withdrawn before its time.</summary>
    internal static void DropPendingPublication(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset now)
    {
        if (All(connection, year, transaction).LastOrDefault() is { } latest && Parse(latest.Change) == VersionChange.Publication && PublishedSnapshots.Parse(latest.At) > now)
            connection.Execute("DELETE FROM year_versions WHERE year = @year AND version = @version", new { year = year.StartYear, version = latest.Version }, transaction);
    }

    /// <summary>A public year withdrawn: its publication's records are kept with that version, and the withdrawal is a version.</summary>
    internal static void Withdraw(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset now)
    {
        var rows = All(connection, year, transaction);
        var publication = CurrentPublication(rows);
        if (publication == 0) return;
        var p = new { year = year.StartYear, publication, version = rows[^1].Version + 1, at = PublishedSnapshots.Stamp(now) };
        connection.Execute(
            """
            INSERT INTO version_records (year, version, kind, authority_code, record_json)
            SELECT year, @publication, kind, authority_code, record_json FROM published_records WHERE year = @year
            """, p, transaction);
        connection.Execute("INSERT INTO year_versions (year, version, change, at) VALUES (@year, @version, 'withdrawal', @at)", p, transaction);
    }

    /// <summary>Records a revision or correction of a public year: a new version holding the records that changed.</summary>
    internal static void Revise(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset now, RevisionNote? note,
        IReadOnlyList<(string Kind, string Code, string Json)> changed)
    {
        if (changed.Count == 0) return;
        if (note is { ReasonRequired: true } && string.IsNullOrWhiteSpace(note.Reason)) throw new RevisionReasonMissing(year);
        var version = All(connection, year, transaction).Select(r => r.Version).DefaultIfEmpty(0).Max() + 1;
        connection.Execute("INSERT INTO year_versions (year, version, change, at, reason) VALUES (@year, @version, @change, @at, @reason)",
            new { year = year.StartYear, version, change = (note?.Change ?? VersionChange.Revision).WireName(), at = PublishedSnapshots.Stamp(now), reason = note?.Reason },
            transaction);
        connection.Execute(
            "INSERT INTO version_records (year, version, kind, authority_code, record_json) VALUES (@year, @version, @kind, @code, @json)",
            changed.Select(c => new { year = year.StartYear, version, kind = c.Kind, code = c.Code, json = c.Json }), transaction);
    }
}
