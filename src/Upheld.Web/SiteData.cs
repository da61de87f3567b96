using Upheld.Authorities;
using Upheld.Statistics;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Web;

/// <summary>One published year's statistics for every council, as the public site shows them.</summary>
public sealed record PublishedYear(FinancialYear Year, DateTimeOffset PublishedAt, IReadOnlyDictionary<string, AuthorityStatistics> Statistics);

/// <summary>A council's record of a kind (<see cref="PublishedKinds"/>) as published beside the record as it stands.</summary>
/// <param name="RevisedOn">When the change was recorded; null when it was made without telling the snapshot.</param>
/// <param name="Note">Whether the recorded change was a revision or a correction, and why; null when not recorded.</param>
public sealed record RecordRevision(string Kind, string PublishedJson, string CurrentJson, DateTimeOffset PublishedAt, DateTimeOffset? RevisedOn, RevisionNote? Note = null)
{
    /// <summary>"Corrected" or "Revised", as the heading of the note says it.</summary>
    public string Verb => Note?.Correction == true ? "Corrected" : "Revised";

    /// <summary>
    /// The fields a revised record gains in the API (docs/site-and-api.md): <c>revised_on</c>, <c>revision_kind</c>,
    /// <c>revision_reason</c> and <c>as_published</c>, the record as published.
    /// </summary>
    public void WriteFields(System.Text.Json.Utf8JsonWriter writer)
    {
        writer.WriteString("revised_on", RevisedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("revision_kind", RevisedOn is null ? null : YearVersions.WireName(Note?.Change ?? VersionChange.Revision));
        writer.WriteString("revision_reason", Note?.Reason);
        writer.WritePropertyName("as_published");
        using var published = System.Text.Json.JsonDocument.Parse(PublishedJson);
        published.RootElement.WriteTo(writer);
    }
}

/// <summary>A published year's release: its calendar entry, what was published (councils' statistics, approved letters, decisions) and who saw it before.</summary>
/// <param name="Decisions">The year's decisions as <c>/years/{year}/decisions.csv.gz</c> holds them: the sum of every council's <c>decided</c>.</param>
public sealed record ReleaseRecord(Release Release, int Councils, int Letters, int Decisions, IReadOnlyList<Upheld.Accounts.PreReleaseAccessor> PreReleaseAccess);

/// <summary>What the public site reads: only published years, with each year's statistics computed once and kept briefly.</summary>
/// <remarks>
/// Entries live for <see cref="Freshness"/>, so a year appears once its publication time passes, and new data shows,
/// without a restart, while a burst of requests costs one computation, even when it finds an entry just expired.
/// <see cref="PreparedPages"/> forgets every entry as soon as it sees the database's data version move on, so a change
/// made by any process shows within its bound rather than this one.
/// </remarks>
/// <param name="keptFor">How long a figure is kept, <see cref="Freshness"/> unless told: the static export keeps every figure for its whole run.</param>
/// <param name="forExport">
/// Built for the static export, which asks for every council's year and every upheld decision's page once: they are read a
/// year at a time, every council at once, rather than each in queries of its own (see <see cref="Decision"/> and
/// <see cref="CouncilYear"/>).
/// </param>
/// <param name="previousExport">The folder of the export being brought up to date, whose files may be kept (<see cref="PreviousExport"/>).</param>
public sealed class SiteData(Database database, TimeProvider clock, TimeSpan? keptFor = null, bool forExport = false, string? previousExport = null)
{
    /// <summary>
    /// The folder of the static export this site answers for, when it updates one: an answer whose making is mostly
    /// compression (a year's <c>decisions.csv.gz</c>) is that file's bytes again when they hold the same content.
    /// </summary>
    public string? PreviousExport => previousExport;

    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(15);

    private readonly ShortLivedCache _cache = new(keptFor ?? Freshness);

    public DateTimeOffset Now => clock.GetUtcNow();

    public IReadOnlyList<Authority> Authorities => Cached("authorities", () =>
    {
        using var connection = database.Connect();
        return AuthorityStore.All(connection);
    });

    /// <summary>True when the database holds the generated demonstration dataset, which every page then says.</summary>
    public bool IsDemonstration => Cached("demonstration", () => (object)Provenance.IsDemonstration(database)) is true;

    public Authority? Authority(string code) => Authorities.FirstOrDefault(a => a.Code == code);

    /// <summary>Published years, oldest first; a year whose time has not come is not among them.</summary>
    public IReadOnlyList<(FinancialYear Year, DateTimeOffset At)> PublishedYears()
    {
        var schedule = Cached("schedule", () =>
        {
            using var connection = database.Connect();
            return Publication.Schedule(connection);
        });
        var now = Now;
        return schedule.Where(s => s.Value <= now).OrderBy(s => s.Key).Select(s => (s.Key, s.Value)).ToList();
    }

    /// <summary>
    /// The first moment after now at which what the public sees changes by time alone, with no change to the data: a
    /// publication time or a version's time still to come (the release calendar and the list of versions follow them);
    /// null when none is to come.
    /// </summary>
    public DateTimeOffset? NextScheduledChange()
    {
        var times = Cached("scheduled-times", () =>
        {
            using var connection = database.Connect();
            return Publication.Schedule(connection).Values.Concat(YearVersions.Times(connection)).Order().ToArray();
        });
        var now = Now;
        foreach (var time in times)
            if (time > now) return time;
        return null;
    }

    /// <summary>The published years as one string, which changes whenever a year becomes public or is withdrawn.</summary>
    public string PublishedYearsKey() => string.Join(',', PublishedYears().Select(p => p.Year));

    public PublishedYear? Year(FinancialYear year)
    {
        var published = PublishedYears().Where(p => p.Year == year).ToList();
        if (published.Count == 0) return null;
        var statistics = Cached($"year:{year}", () =>
            StatisticsEngine.Compute(CountsQuery.ForYear(database, year)).ToDictionary(s => s.Code));
        return new PublishedYear(year, published[0].At, statistics);
    }

    /// <summary>A published year's complaint handling for every council, by code; null for a year that is not public (docs/site-and-api.md).</summary>
    public IReadOnlyDictionary<string, Upheld.ComplaintHandling.ComplaintHandlingFigures>? ComplaintHandling(FinancialYear year)
    {
        if (Year(year) is not { } published) return null;
        return Cached($"complaint-handling:{year}", () =>
        {
            using var connection = database.Connect();
            return Upheld.ComplaintHandling.ComplaintHandlingEngine.Compute(
                    Upheld.ComplaintHandling.ComplaintHandlingQuery.ForYear(connection, year, published.Statistics.Values.Select(s => s.Counts)))
                .ToDictionary(f => f.Code);
        });
    }

    /// <summary>A published year's case-mix ratios for every council; null for a year that is not public (docs/statistics.md, "Case-mix ratio").</summary>
    public Upheld.Signals.CaseMixYear? CaseMix(FinancialYear year)
    {
        if (Year(year) is not { } published) return null;
        return Cached($"case-mix:{year}", () =>
        {
            using var connection = database.Connect();
            return Upheld.Signals.CaseMixEngine.Compute(
                Upheld.Signals.CaseMixQuery.ForYear(connection, year, published.Statistics.Values.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => s.Counts)));
        });
    }

    /// <summary>
    /// A published year's service-area signals for every council, by code, as frozen with the year (its latest recorded revision where
    /// there is one); null for a year that is not public (docs/statistics.md, "Service-area signals").
    /// </summary>
    /// <remarks>
    /// Read from the snapshot rather than computed: the q-values tie every council together, so what the public sees is what was
    /// published and recorded, a council's signals changing only by a recorded revision of its own.
    /// </remarks>
    public IReadOnlyDictionary<string, Upheld.Signals.CouncilSignals>? Signals(FinancialYear year)
    {
        if (Year(year) is null) return null;
        return Cached($"signals:{year}", () =>
        {
            using var connection = database.Connect();
            return PublishedFigures.ForYear(connection, year, PublishedKinds.Signals)
                .ToDictionary(r => r.Key, r => Upheld.Signals.SignalsRecord.Parse(r.Value.RevisedJson ?? r.Value.RecordJson), StringComparer.Ordinal);
        });
    }

    /// <summary>A decision of a published year, with its remedies, for its page; null when there is none or its year is not public.</summary>
    public Upheld.Cases.DecisionRecord? Decision(string caseRef)
    {
        var published = PublishedYears().Select(p => p.Year).ToList();
        // The export reads every upheld decision of the published years at once (the pages council pages link to);
        // any other is read on its own, as the served site reads each.
        if (forExport && Cached($"upheld-decisions:{string.Join(',', published)}", () => Upheld.Cases.DecisionQuery.Upheld(database, published))
                .TryGetValue(caseRef, out var upheld))
            return upheld;
        return Upheld.Cases.DecisionQuery.Find(database, caseRef, published);
    }

    /// <summary>One council's cases of a published year; the caller has checked that the year is published.</summary>
    /// <remarks>The export, which shows every council's year, reads a year's councils at once.</remarks>
    public Upheld.Cases.CouncilYear CouncilYear(string code, FinancialYear year) => forExport
        ? Cached($"council-years:{year}", () => Upheld.Cases.CouncilYearQuery.ForYear(database, year)).GetValueOrDefault(code) ?? Upheld.Cases.CouncilYearQuery.None
        : Cached($"council:{code}:{year}", () => Upheld.Cases.CouncilYearQuery.For(database, code, year));

    /// <summary>A published year's complaints by category; the caller has checked that the year is published.</summary>
    public IReadOnlyList<Upheld.Cases.CategoryCounts> Categories(FinancialYear year) =>
        Cached($"categories:{year}", () => Upheld.Cases.CategoryCountsQuery.ForYear(database, year));

    /// <summary>Whether a council's figures of a year are the ombudsman's published ones or generated for the demonstration; null when not recorded.</summary>
    public DataSource? SourceOf(string code, FinancialYear year) =>
        Cached($"sources:{year}", () =>
        {
            using var connection = database.Connect();
            return Provenance.ForYear(connection, year);
        }).TryGetValue(code, out var source) ? source : null;

    /// <summary>Drops every kept figure, so a change made from the staff area (data, publication time) shows on the next request.</summary>
    public void Forget() => _cache.Clear();

    /// <summary>A council's record of a kind as published, when its current record differs from it; null when unrevised or never snapshotted.</summary>
    /// <remarks>
    /// The export keeps each answer for its run, as it keeps the figures it is made from: a council's record is otherwise written
    /// out again for every page and download that shows it (the council page asks for four kinds).
    /// </remarks>
    public RecordRevision? RevisionOf(string code, FinancialYear year, string kind = PublishedKinds.Statistics) =>
        forExport ? Cached($"revision:{kind}:{year}:{code}", () => new KeptRevision(Revision(code, year, kind))).Revision : Revision(code, year, kind);

    private sealed record KeptRevision(RecordRevision? Revision);

    private RecordRevision? Revision(string code, FinancialYear year, string kind)
    {
        if (Year(year) is not { } published || CurrentRecord(code, year, kind) is not { } current) return null;
        var snapshot = Cached($"published:{kind}:{year}", () =>
        {
            using var connection = database.Connect();
            return PublishedFigures.ForYear(connection, year, kind);
        });
        if (!snapshot.TryGetValue(code, out var record)) return null;
        if (!record.IsRevised(current)) return null;
        var on = record.RevisedOn(current);
        return new RecordRevision(kind, record.RecordJson, current, published.PublishedAt, on, on is null ? null : record.RevisedBy);
    }

    // The record as the snapshot would write it now, from the figures the site already computed.
    private string? CurrentRecord(string code, FinancialYear year, string kind) => kind switch
    {
        PublishedKinds.Statistics => Year(year)!.Statistics.TryGetValue(code, out var statistics) ? StatisticsJson.Record(statistics) : null,
        PublishedKinds.ComplaintHandling => ComplaintHandling(year)!.TryGetValue(code, out var figures) ? Upheld.ComplaintHandling.ComplaintHandlingJson.Record(figures) : null,
        PublishedKinds.SelfAssessment => ComplaintHandling(year)!.TryGetValue(code, out var figures) ? Upheld.ComplaintHandling.ComplaintHandlingJson.SelfAssessmentRecord(figures) : null,
        PublishedKinds.CaseMix => CaseMix(year)!.Of(code) is { } ratio ? Upheld.Signals.SignalsJson.Record(ratio) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of published record."),
    };

    /// <summary>A published year's versions whose time has come, oldest first; null for a year that is not public.</summary>
    public IReadOnlyList<YearVersion>? Versions(FinancialYear year)
    {
        if (Year(year) is null) return null;
        var now = Now;
        var all = Cached($"versions:{year}", () =>
        {
            using var connection = database.Connect();
            return YearVersions.List(connection, year, DateTimeOffset.MaxValue);
        });
        return all.Where(v => v.At <= now).ToList();
    }

    /// <summary>Every council's records as they stood in a version of a published year (the caller has checked it is listed); null for a withdrawal.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? VersionRecords(FinancialYear year, int version)
    {
        using var connection = database.Connect();
        return YearVersions.Records(connection, year, version);
    }

    /// <summary>What a version of a published year changed (the caller has checked it is listed).</summary>
    public IReadOnlyList<VersionFieldChange> VersionChanges(FinancialYear year, int version) =>
        Cached($"version-changes:{year}:{version}", () =>
        {
            using var connection = database.Connect();
            return YearVersions.Changes(connection, year, version);
        });

    /// <summary>The release calendar as the public sees it now: announced, published and cancelled releases, newest year first.</summary>
    public IReadOnlyList<Release> Releases() =>
        Cached("calendar", () =>
        {
            using var connection = database.Connect();
            return ReleaseCalendar.Load(connection);
        }).At(Now);

    /// <summary>What a published year's release page shows besides its versions; null for a year that is not public.</summary>
    public ReleaseRecord? ReleaseOf(FinancialYear year)
    {
        if (Year(year) is not { } published || Releases().FirstOrDefault(r => r.Year == year) is not { } release) return null;
        var (councils, letters, access) = Cached($"release:{year}", () =>
        {
            using var connection = database.Connect();
            return Tuple.Create(PublishedFigures.ForYear(connection, year).Count, PublishedFigures.Letters(connection, year).Count,
                Upheld.Accounts.PreReleaseAccess.For(connection, year, published.PublishedAt));
        });
        return new ReleaseRecord(release, councils, letters, published.Statistics.Values.Sum(s => s.Counts.Decided), access);
    }

    public PublishedYear? LatestYear() => PublishedYears() is { Count: > 0 } years ? Year(years[^1].Year) : null;

    /// <summary>
    /// What <paramref name="compute"/> works out from the kept figures, kept with them for the export's run, where a page and its
    /// download ask for the same; worked out at each call on the served site, whose pages are prepared once.
    /// </summary>
    public T KeptForExport<T>(string key, Func<T> compute) where T : class => forExport ? Cached($"for-export:{key}", compute) : compute();

    private T Cached<T>(string key, Func<T> load) where T : class => _cache.Get(key, Now, load);
}
