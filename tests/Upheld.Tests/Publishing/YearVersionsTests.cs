using System.Net;
using System.Text.Json;
using Dapper;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Web;

namespace Upheld.Tests.Publishing;

/// <summary>
/// Every publication and every later change of a year is a numbered version that never changes: the engine's versions,
/// their figures and changes, and the API that serves them.
/// </summary>
/// <remarks>
/// The data: the five councils of the 2020 letters; Rutland (E06000017) has one detailed investigation, upheld (100%).
/// Each not-upheld decision added for Rutland lowers its uphold rate: 1 of 2 = 50%, then 1 of 3 = 33%.
/// </remarks>
public abstract class YearVersionsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly FinancialYear Year = new(2019);
    private static readonly DateTimeOffset PublishedAt = SiteHost.PublishedAt; // 29 July 2020, 8:30 UTC (9:30am in UK summer time)
    private const string Rutland = "E06000017";

    private SiteHost _site = null!;

    public Task InitializeAsync()
    {
        _site = new SiteHost(publish: false, provider: provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private void Publish(DateTimeOffset? at, DateTimeOffset now) => Publication.Set(_site.Database, Year, at, new TestClock(now));

    private ImportResult AddNotUpheldForRutland(int number, DateTimeOffset at, RevisionNote? note = null)
    {
        using var folder = new ImportFolder().With("decisions.csv",
            "case_ref,authority_code,decision_date,outcome", $"CHANGE-{number},{Rutland},2019-06-0{number},not_upheld");
        return ImportData.FolderAs(_site.Database, folder.Path, replace: false, actor: null, new TestClock(at), note: note);
    }

    private IReadOnlyList<YearVersion> Versions(DateTimeOffset now)
    {
        using var connection = _site.Database.Connect();
        return YearVersions.List(connection, Year, now);
    }

    private string RutlandIn(int version)
    {
        using var connection = _site.Database.Connect();
        return YearVersions.Records(connection, Year, version)![PublishedKinds.Statistics][Rutland];
    }

    private IReadOnlyList<VersionFieldChange> Changes(int version)
    {
        using var connection = _site.Database.Connect();
        return YearVersions.Changes(connection, Year, version);
    }

    [SkippableFact]
    public void A_publication_is_version_1_once_its_time_has_come_and_moving_it_before_then_makes_no_new_version()
    {
        Publish(PublishedAt.AddDays(10), now: PublishedAt);
        Publish(PublishedAt.AddDays(20), now: PublishedAt.AddDays(1));

        Assert.Empty(Versions(PublishedAt.AddDays(19)));
        var version = Assert.Single(Versions(PublishedAt.AddDays(20)));
        // Every council of 2019-20 is published, with or without cases: 343.
        Assert.Equal((1, VersionChange.Publication, PublishedAt.AddDays(20), 343), (version.Number, version.Change, version.At, version.CouncilsChanged));

        // Withdrawn before its time, it never happened.
        Publish(null, now: PublishedAt.AddDays(2));
        Assert.Empty(Versions(DateTimeOffset.MaxValue));
    }

    [SkippableFact]
    public void A_correction_and_a_revision_are_versions_with_their_reasons_and_old_versions_never_change()
    {
        Publish(PublishedAt, now: PublishedAt.AddDays(-10));
        Assert.True(AddNotUpheldForRutland(1, PublishedAt.AddDays(5), new RevisionNote("A decision was left out of the count", Correction: true)).Succeeded);
        Assert.True(AddNotUpheldForRutland(2, PublishedAt.AddDays(6)).Succeeded); // the command line without --reason or --correction

        var versions = Versions(PublishedAt.AddDays(7));
        Assert.Equal([(1, VersionChange.Publication, (string?)null), (2, VersionChange.Correction, "A decision was left out of the count"), (3, VersionChange.Revision, null)],
            versions.Select(v => (v.Number, v.Change, v.Reason)));
        // Version 1 published the 343 councils of 2019-20. Rutland is the only unitary council with cases, so the unitary
        // average it is compared with is its own rate, printed on every unitary council's record: each change moved the
        // printed records of all 56 unitary councils, and no one else's.
        Assert.Equal([343, 56, 56], versions.Select(v => v.CouncilsChanged));
        Assert.Contains("\"uphold_pct\":\"100%\"", RutlandIn(1));
        Assert.Contains("\"uphold_pct\":\"50%\"", RutlandIn(2)); // 1 of 2
        Assert.Contains("\"uphold_pct\":\"33%\"", RutlandIn(3)); // 1 of 3 = 33.3%
        Assert.Contains(new VersionFieldChange(PublishedKinds.Statistics, Rutland, "uphold_pct", "\"100%\"", "\"50%\""), Changes(2));
        Assert.Contains(new VersionFieldChange(PublishedKinds.Statistics, Rutland, "investigations", "1", "2"), Changes(2));
        Assert.Contains(new VersionFieldChange(PublishedKinds.Statistics, Rutland, "uphold_pct", "\"50%\"", "\"33%\""), Changes(3));
        Assert.Empty(Changes(1));
        Assert.DoesNotContain(Changes(2), c => c.Field.StartsWith("average_", StringComparison.Ordinal) && c.Field.EndsWith("_rate", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_withdrawal_and_a_new_publication_are_versions_and_the_first_publication_s_figures_are_kept()
    {
        Publish(PublishedAt, now: PublishedAt.AddDays(-10));
        Assert.True(AddNotUpheldForRutland(1, PublishedAt.AddDays(5)).Succeeded);
        Publish(null, now: PublishedAt.AddDays(6));
        Assert.True(AddNotUpheldForRutland(2, PublishedAt.AddDays(7)).Succeeded); // while withdrawn: no version
        Publish(PublishedAt.AddDays(8), now: PublishedAt.AddDays(8));

        Assert.Equal([VersionChange.Publication, VersionChange.Revision, VersionChange.Withdrawal, VersionChange.Publication],
            Versions(PublishedAt.AddDays(9)).Select(v => v.Change));
        Assert.Contains("\"uphold_pct\":\"100%\"", RutlandIn(1));
        Assert.Contains("\"uphold_pct\":\"50%\"", RutlandIn(2));
        Assert.Contains("\"uphold_pct\":\"33%\"", RutlandIn(4));
        using (var connection = _site.Database.Connect()) Assert.Null(YearVersions.Records(connection, Year, 3));
        Assert.Contains(new VersionFieldChange(PublishedKinds.Statistics, Rutland, "uphold_pct", "\"50%\"", "\"33%\""), Changes(4)); // from version 2, the last with figures
        // The new publication is what the site now calls published: no revision since.
        using (var connection = _site.Database.Connect()) Assert.Null(PublishedFigures.ForYear(connection, Year)[Rutland].RevisedAt);
    }

    [SkippableFact]
    public void A_change_that_requires_a_reason_and_has_none_is_refused_and_changes_nothing()
    {
        Publish(PublishedAt, now: PublishedAt.AddDays(-10));

        var refused = Assert.Throws<RevisionReasonMissing>(() => AddNotUpheldForRutland(1, PublishedAt.AddDays(5), new RevisionNote(null, false, ReasonRequired: true)));

        Assert.Equal("2019-20 is published: give the reason for changing its figures, and say whether it corrects an error", refused.Message);
        using var connection = _site.Database.Connect();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE case_ref = 'CHANGE-1'"));
        Assert.Single(Versions(DateTimeOffset.MaxValue));
        // Before publication nothing is revised, so nothing needs a reason.
        Publish(PublishedAt.AddDays(30), now: PublishedAt.AddDays(6));
        Assert.True(AddNotUpheldForRutland(1, PublishedAt.AddDays(7), new RevisionNote(null, false, ReasonRequired: true)).Succeeded);
    }

    [SkippableFact]
    public async Task The_api_lists_versions_serves_each_version_s_figures_and_changes_and_says_how_to_cite_them()
    {
        Publish(PublishedAt, now: PublishedAt.AddDays(-10));
        Assert.True(AddNotUpheldForRutland(1, PublishedAt.AddDays(5), new RevisionNote("Late decision", Correction: false)).Succeeded);
        _site.Clock.Now = PublishedAt.AddDays(6);

        var list = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/v1/years/2019-20/versions")).RootElement;
        var first = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/v1/years/2019-20/versions/1/statistics.json")).RootElement;
        var changes = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/v1/years/2019-20/versions/2/changes.json")).RootElement;
        var page = await _site.Client.GetStringAsync("/years/2019-20/versions");

        Assert.Equal(2, list.GetArrayLength());
        var second = list[1];
        Assert.Equal((2, "2020-08-03T08:30:00Z", "revision", "Late decision", 56), // the 56 unitary councils print Rutland's rate as their average
            (second.GetProperty("version").GetInt32(), second.GetProperty("published_at").GetString(), second.GetProperty("kind").GetString(),
                second.GetProperty("reason").GetString(), second.GetProperty("councils_changed").GetInt32()));
        Assert.Equal("Upheld, Council complaint statistics 2019-20, version 2 (revision, 3 August 2020), /api/v1/years/2019-20/versions/2/statistics.json",
            second.GetProperty("cite").GetString());
        Assert.Equal("100%", first.EnumerateArray().Single(r => r.GetProperty("code").GetString() == Rutland).GetProperty("uphold_pct").GetString());
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("council").GetString() == Rutland && c.GetProperty("field").GetString() == "uphold_pct"
            && c.GetProperty("before").GetString() == "100%" && c.GetProperty("after").GetString() == "50%");
        Assert.Contains("29 July 2020, 9:30am", page); // 8:30 UTC in British Summer Time
        Assert.Contains("Late decision", page);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/api/v1/years/2019-20/versions/3/statistics.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync("/api/v1/years/2020-21/versions")).StatusCode);

        var council = await _site.Client.GetStringAsync("/councils/E06000017/rutland/2019-20");
        Assert.Contains("Revised on 3 August 2020", council);
        Assert.Contains("<strong>Revision:</strong> Late decision", council);
        var statistics = JsonDocument.Parse(await _site.Client.GetStringAsync("/api/v1/authorities/E06000017/statistics")).RootElement[0];
        Assert.Equal(("revision", "Late decision"), (statistics.GetProperty("revision_kind").GetString(), statistics.GetProperty("revision_reason").GetString()));
    }
}

public sealed class SqliteYearVersionsTests() : YearVersionsTests(DatabaseProvider.Sqlite);

public sealed class PostgresYearVersionsTests() : YearVersionsTests(DatabaseProvider.PostgreSql);
