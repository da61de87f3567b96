using System.Net;
using System.Text.Json;
using Upheld.ComplaintHandling;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Web;

namespace Upheld.Tests.ComplaintHandling;

/// <summary>The council page's section, the map and compare statistic, the downloads and the API, on the five 2020 councils with two returns.</summary>
public abstract class ComplaintHandlingOnSiteTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private void ImportReturns()
    {
        using var folder = new ImportFolder()
            .With("received.csv", "case_ref,authority_code,received_date", "WR-1,E10000034,2019-05-01", "WR-2,E10000034,2019-09-01")
            .With("complaint_returns.csv", "authority_code,year,stage,received,responded,responded_in_time,upheld",
                "E10000034,2019-20,1,412,200,167,141", "E10000034,2019-20,2,61,16,12,4", "E10000003,2019-20,1,350,340,301,90")
            .With("code_self_assessments.csv", "authority_code,year,section,follows,evidence,action,target_date,submitted_on",
                "E10000034,2019-20,1,yes,Complaints policy,,,2025-06-30", "E10000034,2019-20,4,no,,Recruit a second complaints officer,2026-03-31,2025-06-30");
        var result = new Importer(Site.Database).Import(folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        Site.Clock.Now += TimeSpan.FromMinutes(1); // past the site's brief cache
    }

    [SkippableFact]
    public async Task The_council_page_shows_both_stages_the_ratio_with_its_explanation_the_two_uphold_rates_and_the_self_assessment()
    {
        ImportReturns();

        var (status, body, _) = await Get("/councils/E10000034/worcestershire/2019-20");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Complaint handling, 2019-20", body);
        Assert.Contains("167 of 200 stage 1 responses answered in time", body); // 83.5% → 84%
        Assert.Contains(">84%<", body);
        Assert.Contains("12 of 16 stage 2 responses answered in time", body);
        // The ombudsman received 2 complaints about Worcestershire in 2019-20 (received.csv above): 2 × 100 ÷ 16 = 12.5.
        Assert.Contains("Ombudsman complaints per 100 stage 2 responses", body);
        Assert.Contains(">12.5<", body);
        Assert.Contains("This is a ratio, not a rate", body);
        Assert.Contains("The council, at stage 2</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">25%", body); // 4 ÷ 16
        Assert.Contains("The ombudsman</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">86%", body); // 19 ÷ 22, as the letter
        Assert.Contains("4. Complaint handling resources", body);
        Assert.Contains("Recruit a second complaints officer", body);
        Assert.Contains("31 March 2026", body);
        Assert.Contains("/councils/E10000034/worcestershire/2019-20/complaint-handling.csv", body);
        Assert.Contains("/councils/E10000034/worcestershire/2019-20/self-assessment.csv", body);
    }

    [SkippableFact]
    public async Task A_council_that_sent_nothing_says_so_on_its_own_page_only()
    {
        ImportReturns();

        var cannock = (await Get("/councils/E07000192/cannock-chase/2019-20")).Body;
        var map = (await Get("/maps/2019-20/stage1-in-time/upper")).Body;
        var mapCsv = (await Get("/maps/2019-20/stage1-in-time/upper.csv")).Body;

        Assert.Contains("No complaint figures were received from the council for 2019-20.", cannock);
        Assert.Contains("No self-assessment received.", cannock);
        Assert.Contains("councils with no figure are not listed", map);
        Assert.DoesNotContain(">Rutland</a>", map);
        Assert.Contains(">Worcestershire</a>", map);
        Assert.Equal(3, mapCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // the header, Cambridgeshire and Worcestershire
    }

    [SkippableFact]
    public async Task Before_any_council_made_a_return_the_page_has_no_section()
    {
        var body = (await Get("/councils/E10000034/worcestershire/2019-20")).Body;

        Assert.DoesNotContain("Complaint handling, 2019-20", body);
    }

    [SkippableFact]
    public async Task The_api_answers_are_the_commands_json_and_the_downloads_its_csv()
    {
        ImportReturns();
        var expected = ComplaintHandlingJson.ToText(ComplaintHandlingEngine.Compute(ComplaintHandlingQuery.ForYear(Site.Database, new FinancialYear(2019))));

        var year = await Get("/api/v1/years/2019-20/complaint-handling.json");
        var council = await Get("/api/v1/authorities/E10000034/complaint-handling");
        var councilFile = await Get("/api/v1/authorities/E10000034/complaint-handling.json");
        var csv = await Get("/councils/E10000034/worcestershire/2019-20/complaint-handling.csv");
        var assessment = await Get("/councils/E10000034/worcestershire/2019-20/self-assessment.csv");

        Assert.Equal(expected, year.Body);
        Assert.Equal("application/json; charset=utf-8", year.Response.Content.Headers.ContentType?.ToString());
        Assert.NotEmpty(year.Response.Headers.GetValues("X-Attribution"));
        var element = Assert.Single(JsonDocument.Parse(council.Body).RootElement.EnumerateArray());
        Assert.Equal(("2019-20", "84%", "12.5"), (element.GetProperty("year").GetString(), element.GetProperty("stage1_in_time_pct").GetString(),
            element.GetProperty("ombudsman_per_100_stage2_text").GetString()));
        Assert.Equal(council.Body, councilFile.Body);
        Assert.StartsWith("code,name,type,year,stage1_received,", csv.Body);
        Assert.Contains("\r\nE10000034,Worcestershire,County,2019-20,412,200,167,0.835,84%,", csv.Body);
        Assert.Equal("code,name,year,section,title,follows,evidence,action,target_date,submitted_on\r\n" +
            "E10000034,Worcestershire,2019-20,1,Definition of a service request and complaint,yes,Complaints policy,,,2025-06-30\r\n" +
            "E10000034,Worcestershire,2019-20,4,Complaint handling resources,no,,Recruit a second complaints officer,2026-03-31,2025-06-30\r\n", assessment.Body);
    }

    [SkippableFact]
    public async Task The_compare_page_plots_stage_1_in_time_as_a_proportion()
    {
        ImportReturns();

        var (status, body, _) = await Get("/compare/county/2019-20/stage1-in-time");
        var csv = (await Get("/compare/county/2019-20/stage1-in-time.csv")).Body;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Stage 1 responses", body);
        // Pooled over the two counties with returns: (167 + 301) ÷ (200 + 340) = 468 ÷ 540 = 86.7%.
        Assert.Contains(",stage1-in-time,none,84%,167,200,0.835,0.8666666666666667,", csv);
    }
}

public sealed class SqliteComplaintHandlingOnSiteTests() : ComplaintHandlingOnSiteTests(DatabaseProvider.Sqlite);

public sealed class PostgresComplaintHandlingOnSiteTests() : ComplaintHandlingOnSiteTests(DatabaseProvider.PostgreSql);
