using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Upheld.Letters;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Publishing;

/// <summary>Keeps each year's figures and approved letters as the public first saw them, and records later revisions.</summary>
/// <remarks>
/// The rule. A year's snapshot (every authority's statistics record exactly as <c>stats --format json</c> writes it,
/// and every letter approved as it stands) is (re)taken whenever the year's publication is set, or its data changes,
/// while the year is not yet public at the caller's clock; so the snapshot is the data as it stood when the publication
/// time passed, even when that time was scheduled in advance. Once the year is public the snapshot is never touched:
/// a change to its data instead records a revision (the council's new record of that kind and when; a change only to the averages'
/// unrounded rates, which one case anywhere in the type moves, is not one), and a letter approved for the
/// first time is added as first published then. Setting a public year's publication to another past time keeps the
/// snapshot. Withdrawing a year leaves its snapshot hidden; publishing it again takes a new one: a re-publication is a new
/// publication. Each publication, revision and withdrawal is a numbered version (<see cref="YearVersions"/>), kept for
/// good. Authorities added after publication have no published figures.
/// The rule is kept by the use cases, not by their callers: each change (<c>ImportData</c>, <c>ApproveLetter</c>,
/// <c>SetPublication</c>…) calls <see cref="DataChanged(DbConnection, DbTransaction, FinancialYear, DateTimeOffset, RevisionNote)"/> through
/// <see cref="Change"/> inside its own transaction, so the snapshot commits with the change or not at all. That is why this
/// type is internal: no front end can change data and forget the snapshot.
/// </remarks>
internal static class PublishedSnapshots
{
    /// <summary>How a composed letter is kept: fields included, so the statistics tiles' counts survive the round trip.</summary>
    public static readonly JsonSerializerOptions LetterJson = new() { IncludeFields = true };

    private static readonly Lazy<EditionCatalog> Editions = new(() => EditionCatalog.Load());

    /// <summary>Replaces the year's current publication with the data as it stands now; earlier publications' versions stay.</summary>
    public static void Take(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset now)
    {
        var records = PublishedKinds.Current(connection, year, transaction);
        var letters = ApprovedLetters(connection, year, transaction);
        var p = new { year = year.StartYear };
        connection.Execute("DELETE FROM published_records WHERE year = @year", p, transaction);
        connection.Execute("DELETE FROM published_letters WHERE year = @year", p, transaction);
        foreach (var (kind, byCouncil) in records) InsertRecords(connection, transaction, year, kind, byCouncil, now);
        InsertLetters(connection, transaction, year, letters, now);
    }

    /// <summary>True when the year has a snapshot.</summary>
    public static bool Exists(DbConnection connection, DbTransaction? transaction, FinancialYear year) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM published_records WHERE year = @year AND kind = @kind",
            new { year = year.StartYear, kind = PublishedKinds.Statistics }, transaction) > 0;

    /// <summary>The hook after any change to a year's data, in the change's transaction: retakes the snapshot before publication, records revisions after.</summary>
    /// <remarks>A year with no publication time is left alone.</remarks>
    /// <param name="note">Why the change was made and whether it corrects an error; recorded with the version a public year's change makes.</param>
    public static void DataChanged(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset now, RevisionNote? note = null)
    {
        if (!Publication.Schedule(connection, transaction).TryGetValue(year, out var at)) return;
        if (at > now || !Exists(connection, transaction, year))
        {
            Take(connection, transaction, year, now);
            YearVersions.EnsurePublication(connection, transaction, year, at, now);
        }
        else Revise(connection, transaction, year, now, note);
    }

    /// <summary>
    /// Gives every public year the kinds of record its snapshot lacks, taken as the data stands now: a year published before
    /// Upheld froze a kind (complaint handling came after the key statistics) is frozen from the moment Upheld first could.
    /// </summary>
    public static void TakeMissingKinds(DbConnection connection, DbTransaction transaction, DateTimeOffset now)
    {
        // Every store is migrated whenever it is opened, so this looks the years and kinds up in the key, a few seeks,
        // rather than reading every record of every year.
        var years = new List<long>();
        while (connection.ExecuteScalar<long?>("SELECT MIN(year) FROM published_records WHERE year > @after",
                   new { after = years.Count == 0 ? long.MinValue : years[^1] }, transaction) is { } next)
            years.Add(next);
        foreach (var start in years)
        {
            var missing = PublishedKinds.All.Where(kind => connection.ExecuteScalar<long?>(
                "SELECT 1 FROM published_records WHERE year = @start AND kind = @kind LIMIT 1", new { start, kind }, transaction) is null).ToList();
            if (missing.Count == 0) continue;
            var year = new FinancialYear((int)start);
            var records = PublishedKinds.Current(connection, year, transaction);
            foreach (var kind in missing) InsertRecords(connection, transaction, year, kind, records[kind], now);
        }
    }

    private static void Revise(DbConnection connection, DbTransaction transaction, FinancialYear year, DateTimeOffset now, RevisionNote? note)
    {
        var current = PublishedKinds.Current(connection, year, transaction);
        var changed = new List<(string Kind, string Code, string Json)>();
        foreach (var (kind, byCouncil) in current)
        {
            var published = PublishedFigures.ForYear(connection, year, kind, transaction);
            if (published.Count == 0) { InsertRecords(connection, transaction, year, kind, byCouncil, now); continue; }
            // A revision is recorded whenever the record differs from the last one known, even when it goes back to the published one.
            changed.AddRange(byCouncil
                .Where(c => published.TryGetValue(c.Key, out var p) && PublishedRecord.Substance(c.Value) != PublishedRecord.Substance(p.RevisedJson ?? p.RecordJson))
                .Select(c => (kind, c.Key, c.Value)));
        }
        YearVersions.Revise(connection, transaction, year, now, note, changed);
        var publishedLetters = PublishedFigures.LetterCodes(connection, year, transaction);
        var newLetters = ApprovedLetters(connection, year, transaction).Where(l => !publishedLetters.Contains(l.Letter.AuthorityCode)).ToList();
        InsertLetters(connection, transaction, year, newLetters, now);
    }

    private static void InsertRecords(DbConnection connection, DbTransaction transaction, FinancialYear year, string kind,
        IReadOnlyDictionary<string, string> byCouncil, DateTimeOffset now) =>
        ManyRows.Execute(connection,
            "INSERT INTO published_records (year, kind, authority_code, record_json, taken_at) VALUES (@year, @kind, @code, @json, @at)",
            byCouncil.Select(r => new { year = year.StartYear, kind, code = r.Key, json = r.Value, at = Stamp(now) }), transaction);

    private static void InsertLetters(DbConnection connection, DbTransaction transaction, FinancialYear year, IEnumerable<ComposedLetter> letters, DateTimeOffset now) =>
        ManyRows.Execute(connection,
            "INSERT INTO published_letters (year, authority_code, content_hash, letter_json, taken_at) VALUES (@year, @code, @hash, @json, @at)",
            letters.Select(l => new
            {
                year = year.StartYear, code = l.Letter.AuthorityCode, hash = l.ContentHash,
                json = JsonSerializer.Serialize(l.Letter, LetterJson), at = Stamp(now),
            }), transaction);

    /// <summary>Every authority's statistics record of the year as it stands, by code.</summary>
    public static IReadOnlyDictionary<string, string> CurrentRecords(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        PublishedKinds.Current(connection, year, transaction)[PublishedKinds.Statistics];

    private static IReadOnlyList<ComposedLetter> ApprovedLetters(DbConnection connection, FinancialYear year, DbTransaction transaction)
    {
        if (Editions.Value.For(year) is null || !LetterInputsQuery.HasData(connection, year, transaction)) return [];
        return YearLetters.Compose(connection, year, Editions.Value, [], transaction: transaction).Where(l => l.Approval == ApprovalState.Approved).ToList();
    }

    internal static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string stamp) => DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
