using System.Net;
using System.Text.Json;
using Dapper;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Web;

namespace Upheld.Tests.ComplaintHandling;

/// <summary>
/// Complaint handling is part of a year's frozen figures, exactly like the key statistics: taken with the snapshot while
/// the year is not yet public, and a change after publication is a revision, recorded and shown as one.
/// </summary>
public abstract class ComplaintHandlingPublicationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly FinancialYear Year = new(2019);
    private static readonly DateTimeOffset PublishedAt = SiteHost.PublishedAt; // 29 July 2020, 8:30 UTC
    private const string Worcestershire = "E10000034";
    private const string Cambridgeshire = "E10000003";
    private const string ReturnsHeader = "authority_code,year,stage,received,responded,responded_in_time,upheld";
    private const string AssessmentHeader = "authority_code,year,section,follows,evidence,action,target_date,submitted_on";

    private SiteHost _site = null!;

    public Task InitializeAsync()
    {
        _site = new SiteHost(publish: false, provider: provider);
        // Sent before publication: Worcestershire 167 of 200 stage 1 in time (83.5% → 84%), 141 of 200 upheld (70.5% → 71%);
        // Cambridgeshire 301 of 340 in time, 90 of 340 upheld.
        Import(PublishedAt.AddDays(-10), replace: false,
            ("complaint_returns.csv", [ReturnsHeader, "E10000034,2019-20,1,412,200,167,141", "E10000034,2019-20,2,61,16,12,4", "E10000003,2019-20,1,350,340,301,90"]),
            ("code_self_assessments.csv", [AssessmentHeader, "E10000034,2019-20,1,yes,Complaints policy,,,2020-06-30",
                "E10000034,2019-20,4,no,,Recruit a second complaints officer,2021-03-31,2020-06-30"]));
        Publication.Set(_site.Database, Year, PublishedAt, new TestClock(PublishedAt.AddDays(-9)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private void Import(DateTimeOffset at, bool replace, params (string File, string[] Lines)[] files)
    {
        using var folder = new ImportFolder();
        foreach (var (file, lines) in files) folder.With(file, lines);
        var result = new Importer(_site.Database, new TestClock(at)).Import(folder.Path, replace);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }

    private IReadOnlyDictionary<string, PublishedRecord> Published(string kind)
    {
        using var connection = _site.Database.Connect();
        return PublishedFigures.ForYear(connection, Year, kind);
    }

    private async Task<string> Page()
    {
        _site.Clock.Now = PublishedAt.AddDays(30); // past the site's brief cache
        var response = await _site.Client.GetAsync("/councils/E10000034/worcestershire/2019-20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [SkippableFact]
    public async Task Returns_sent_before_publication_are_frozen_with_the_year_and_show_no_revision()
    {
        // Sent again before publication: the snapshot is retaken (173 of 200 → 86.5% → 87%), still no revision.
        Import(PublishedAt.AddDays(-5), replace: true, ("complaint_returns.csv", [ReturnsHeader, "E10000034,2019-20,1,412,200,173,141"]));

        var published = Published(PublishedKinds.ComplaintHandling)[Worcestershire];
        Assert.Contains("\"stage1_in_time_pct\":\"87%\"", published.RecordJson);
        Assert.Null(published.RevisedAt);
        Assert.Contains("\"action\":\"Recruit a second complaints officer\"", Published(PublishedKinds.SelfAssessment)[Worcestershire].RecordJson);
        var page = await Page();
        Assert.Contains("173 of 200 stage 1 responses answered in time", page);
        Assert.DoesNotContain("Complaint figures revised", page);
        Assert.DoesNotContain("Self-assessment revised", page);
    }

    [SkippableFact]
    public async Task A_return_corrected_after_publication_is_a_revision_on_the_page_and_in_the_api()
    {
        // On 3 August 2020 Worcestershire corrects stage 1 in time: 150 of 200 = 75%, published as 167 of 200 = 84%.
        Import(PublishedAt.AddDays(5), replace: true, ("complaint_returns.csv", [ReturnsHeader, "E10000034,2019-20,1,412,200,150,141"]));

        var published = Published(PublishedKinds.ComplaintHandling)[Worcestershire];
        Assert.Contains("\"stage1_in_time_pct\":\"84%\"", published.RecordJson);
        Assert.Equal(PublishedAt.AddDays(5), published.RevisedAt);
        Assert.Contains("\"stage1_in_time_pct\":\"75%\"", published.RevisedJson);

        var page = await Page();
        Assert.Contains("150 of 200 stage 1 responses answered in time", page);
        Assert.Contains("Complaint figures revised on 3 August 2020", page);
        Assert.Contains("Stage 1 answered in time</th>\n                        <td class=\"govuk-table__cell\">167 (84%)</td>\n                        <td class=\"govuk-table__cell\">150 (75%)</td>", page.ReplaceLineEndings("\n"));

        _site.Clock.Now = PublishedAt.AddDays(31);
        var api = await _site.Client.GetStringAsync("/api/v1/authorities/E10000034/complaint-handling");
        var element = Assert.Single(JsonDocument.Parse(api).RootElement.EnumerateArray());
        Assert.Equal("75%", element.GetProperty("stage1_in_time_pct").GetString());
        Assert.Equal("2020-08-03", element.GetProperty("revised_on").GetString());
        Assert.Equal("84%", element.GetProperty("as_published").GetProperty("stage1_in_time_pct").GetString());
        // The year's file is the command's JSON as the data stands, with no revision fields: what was published is per council.
        Assert.DoesNotContain("as_published", await _site.Client.GetStringAsync("/api/v1/years/2019-20/complaint-handling.json"));
    }

    [SkippableFact]
    public void A_change_that_moves_only_an_unrounded_average_is_no_revision_of_another_council()
    {
        // Worcestershire's stage 1 upheld 141 → 140 of 200: its own 71% → 70% is a revision. The county average of stage 1
        // upheld moves from (141 + 90) ÷ 540 = 42.78% to (140 + 90) ÷ 540 = 42.59%, printed 43% both times, and
        // Cambridgeshire's 90 of 340 (26%) stays lower: nothing Cambridgeshire prints changed.
        Import(PublishedAt.AddDays(5), replace: true, ("complaint_returns.csv", [ReturnsHeader, "E10000034,2019-20,1,412,200,167,140"]));

        var published = Published(PublishedKinds.ComplaintHandling);
        Assert.Equal(PublishedAt.AddDays(5), published[Worcestershire].RevisedAt);
        Assert.Null(published[Cambridgeshire].RevisedAt);
        Assert.Contains("\"average\":{\"method\":\"pooled\"", published[Cambridgeshire].RecordJson);
    }

    [SkippableFact]
    public async Task A_self_assessment_changed_after_publication_is_a_revision_shown_section_by_section()
    {
        Import(PublishedAt.AddDays(5), replace: true, ("code_self_assessments.csv", [AssessmentHeader,
            "E10000034,2019-20,1,yes,Complaints policy,,,2020-08-03", "E10000034,2019-20,4,no,,Recruit two complaints officers,2021-09-30,2020-08-03"]));

        // The figures' record carries the self-assessment's date and counts, so it is revised with it.
        Assert.Equal(PublishedAt.AddDays(5), Published(PublishedKinds.ComplaintHandling)[Worcestershire].RevisedAt);
        var assessment = Published(PublishedKinds.SelfAssessment)[Worcestershire];
        Assert.Equal(PublishedAt.AddDays(5), assessment.RevisedAt);

        var page = (await Page()).ReplaceLineEndings("\n");
        Assert.Contains("Self-assessment revised on 3 August 2020", page);
        Assert.Contains("4. Complaint handling resources</th>\n                        <td class=\"govuk-table__cell\">Does not follow it; action: Recruit a second complaints officer; target date 31 March 2021</td>\n" +
                        "                        <td class=\"govuk-table__cell\">Does not follow it; action: Recruit two complaints officers; target date 30 September 2021</td>", page);
        Assert.Contains("Submitted on</th>\n                        <td class=\"govuk-table__cell\">30 June 2020</td>\n                        <td class=\"govuk-table__cell\">3 August 2020</td>", page);
        Assert.DoesNotContain("1. Definition of a service request and complaint</th>\n                        <td class=\"govuk-table__cell\">Follows it", page);
    }

    [SkippableFact]
    public void A_year_published_before_complaint_handling_was_frozen_gets_it_when_the_database_is_next_opened()
    {
        using (var connection = _site.Database.Connect())
            connection.Execute("DELETE FROM published_records WHERE kind <> 'statistics'");
        Assert.Empty(Published(PublishedKinds.ComplaintHandling));

        _site.Database.Migrate();

        Assert.Contains("\"stage1_in_time_pct\":\"84%\"", Published(PublishedKinds.ComplaintHandling)[Worcestershire].RecordJson);
        Assert.Contains("Recruit a second complaints officer", Published(PublishedKinds.SelfAssessment)[Worcestershire].RecordJson);
        Assert.Equal(Published(PublishedKinds.Statistics).Count, Published(PublishedKinds.ComplaintHandling).Count);
    }

    [SkippableFact]
    public void A_database_from_before_kinds_keeps_its_published_statistics_and_revisions()
    {
        // The tables as 0006 made them, holding a published record and a revision, and the database back before 0012.
        using (var connection = _site.Database.Connect())
        {
            connection.Execute("""
                DROP TABLE published_records;
                DROP TABLE year_versions;
                DROP TABLE version_records;
                CREATE TABLE published_statistics (year INTEGER NOT NULL, authority_code TEXT NOT NULL, statistics_json TEXT NOT NULL, taken_at TEXT NOT NULL, PRIMARY KEY (year, authority_code));
                CREATE TABLE statistics_revisions (year INTEGER NOT NULL, authority_code TEXT NOT NULL, revised_at TEXT NOT NULL, statistics_json TEXT NOT NULL, PRIMARY KEY (year, authority_code, revised_at));
                INSERT INTO published_statistics VALUES (2019, 'E10000034', '{"code":"E10000034","uphold_pct":"86%"}', '2020-07-20T08:30:00Z');
                INSERT INTO statistics_revisions VALUES (2019, 'E10000034', '2020-08-03T08:30:00Z', '{"code":"E10000034","uphold_pct":"87%"}');
                DELETE FROM schema_migrations WHERE version = 12;
                """);
        }

        _site.Database.Migrate();

        var record = Assert.Single(Published(PublishedKinds.Statistics)).Value;
        Assert.Equal(("{\"code\":\"E10000034\",\"uphold_pct\":\"86%\"}", "{\"code\":\"E10000034\",\"uphold_pct\":\"87%\"}"), (record.RecordJson, record.RevisedJson));
        Assert.Equal(new DateTimeOffset(2020, 8, 3, 8, 30, 0, TimeSpan.Zero), record.RevisedAt);
        Assert.Contains("Recruit a second complaints officer", Published(PublishedKinds.SelfAssessment)[Worcestershire].RecordJson);
    }
}

public sealed class SqliteComplaintHandlingPublicationTests() : ComplaintHandlingPublicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresComplaintHandlingPublicationTests() : ComplaintHandlingPublicationTests(DatabaseProvider.PostgreSql);
