using System.Net;
using System.Text.Json;
using Upheld.Publishing;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Web.Export;

namespace Upheld.Tests.Web.Staff;

/// <summary>
/// A year scheduled but not yet public (2020-21, due 28 July 2021) beside a public one (2019-20): every public route and export
/// answers for it exactly as for a year that does not exist, no list or trend includes it, staff see it (logged), and it
/// appears when its time passes. Announced on the release calendar, the year's year and date show there and nowhere else.
/// </summary>
/// <remarks>Every test begins with the next year imported and scheduled, written once per run into the database each test copies.</remarks>
public abstract class UnpublishedYearTests(DatabaseProvider provider) : SiteTestBase(provider, ("2020-21 imported and scheduled", ScheduleTheNextYear))
{
    private static readonly DateTimeOffset Due = new(2021, 7, 28, 8, 30, 0, TimeSpan.Zero);

    private static void ScheduleTheNextYear(Database database)
    {
        using var folder = new ImportFolder().With("decisions.csv",
            "case_ref,authority_code,decision_date,category,outcome,summary",
            "20 000 001,E06000017,2020-06-01,Housing,upheld,The council mislaid a zebrafinch licence.",
            "20 000 002,E10000034,2020-06-02,Housing,not_upheld,")
            .With("complaint_returns.csv", "authority_code,year,stage,received,responded,responded_in_time,upheld", "E06000017,2020-21,1,40,38,30,9", "E06000017,2020-21,2,6,6,5,1")
            .With("code_self_assessments.csv", "authority_code,year,section,follows,evidence,action,target_date,submitted_on",
                "E06000017,2020-21,4,no,,Hire a quokka wrangler,2021-12-31,2021-06-30");
        var imported = new Importer(database).Import(folder.Path);
        if (!imported.Succeeded) throw new InvalidOperationException(string.Join("\n", imported.Problems.Lines()));
        Publication.Set(database, new FinancialYear(2020), Due);
    }

    /// <summary>Puts the scheduled year's date on the public release calendar, as <c>upheld publish --announce</c> does.</summary>
    private void Announce()
    {
        Publication.Set(Site.Database, new FinancialYear(2020), Due, release: new ReleaseNote(Announce: true));
        Site.Clock.Now += TimeSpan.FromMinutes(1);
    }

    /// <summary>The routes of the release calendar: the only ones where an announced year's year and date may show.</summary>
    private static readonly string[] CalendarRoutes = ["/releases", "/api/v1/releases", "/api/v1/releases.json", "/releases.ics"];

    public static readonly TheoryData<string> YearRoutes =
    [
        "/years/{Y}", "/years/{Y}/statistics.csv", "/maps/{Y}/uphold/lower", "/maps/{Y}/uphold/lower.csv", "/maps/{Y}/per-100k/upper",
        "/compare/unitary/{Y}/uphold", "/compare/unitary/{Y}/uphold/additive", "/councils/E06000017/rutland/{Y}", "/councils/E06000017/rutland/{Y}/decisions.csv",
        "/councils/E06000017/letters/{Y}.html", "/councils/E06000017/letters/{Y}.pdf", "/api/v1/statistics?year={Y}",
        "/api/v1/authorities/E06000017/years/{Y}/decisions", "/api/v1/authorities/E06000017/years/{Y}/service-improvements",
        "/api/v1/authorities/E06000017/years/{Y}/public-reports", "/councils/E06000017?year={Y}", "/?year={Y}&statistic=uphold&tier=lower",
        "/api/v1/years/{Y}/complaint-handling.json", "/councils/E06000017/rutland/{Y}/complaint-handling.csv", "/councils/E06000017/rutland/{Y}/self-assessment.csv",
        "/maps/{Y}/stage1-in-time/lower", "/maps/{Y}/stage1-in-time/upper.csv", "/compare/unitary/{Y}/stage1-in-time", "/compare/unitary/{Y}/stage1-in-time.csv",
        "/years/{Y}/versions", "/api/v1/years/{Y}/versions", "/api/v1/years/{Y}/versions.json", "/api/v1/years/{Y}/versions/1/statistics.json",
        "/api/v1/years/{Y}/versions/1/changes.json", "/years/{Y}/decisions.csv.gz",
        // The case-mix routes of their own; its map and compare pages check the year as every map and compare page does.
        "/api/v1/years/{Y}/signals.json", "/years/{Y}/case-mix.csv", "/councils/E06000017/rutland/{Y}/case-mix.csv",
        "/releases/{Y}",
        "/councils/E06000017/rutland/{Y}/signals.csv",
    ];

    [SkippableTheory]
    [MemberData(nameof(YearRoutes))]
    public async Task Before_its_time_a_year_answers_exactly_as_a_year_that_does_not_exist(string route)
    {

        var unpublished = await Get(route.Replace("{Y}", "2020-21"));
        var nonexistent = await Get(route.Replace("{Y}", "2031-32"));
        Announce();
        var announced = await Get(route.Replace("{Y}", "2020-21"));

        foreach (var hidden in new[] { unpublished, announced })
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
            Assert.Equal(nonexistent.Status, hidden.Status);
            Assert.Equal(nonexistent.Body.Replace("2031-32", "YEAR"), hidden.Body.Replace("2020-21", "YEAR"));
            Assert.Equal(nonexistent.Response.Content.Headers.ContentType?.ToString(), hidden.Response.Content.Headers.ContentType?.ToString());
        }
    }

    [SkippableFact]
    public async Task Before_its_time_no_list_trend_search_or_total_includes_the_year()
    {

        string[] pages = [ "/", "/councils/E06000017/rutland/2019-20", "/api/v1/authorities/E06000017/statistics", "/api/v1/authorities/E06000017/letters",
            "/api/v1/authorities/E06000017/complaint-handling", "/api/v1/authorities/E06000017/complaint-handling.json",
            "/api/v1/authorities/E06000017/signals", "/councils/E06000017/rutland/case-mix.csv",
            "/api/v1/authorities", "/decisions?q=mislaid", "/years/2019-20", "/search?q=Rutland", "/data", "/releases/2019-20", .. CalendarRoutes ];
        await NoPageMentionsTheYear(pages);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/decisions/20%20000%20001")).Status);
    }

    [SkippableFact]
    public async Task Announced_the_year_and_its_date_show_on_the_calendar_alone()
    {
        Announce();

        var calendar = await Get("/releases");
        var json = JsonDocument.Parse((await Get("/api/v1/releases")).Body).RootElement.EnumerateArray().Single(r => r.GetProperty("year").GetString() == "2020-21");
        var feed = Ical.Net.Calendar.Load((await Get("/releases.ics")).Body)!.Events.Single(e => e.Uid == "release-2020-21@upheld");

        // 08:30 UTC on 28 July is 9:30am in the UK (BST).
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header upheld-year\">2020-21</th>\n                        <td class=\"govuk-table__cell\">28 July 2021, 9:30am</td>", calendar.Body);
        Assert.Equal(["year", "publish_at", "status", "announced_on", "changes"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2021-07-28T08:30:00Z", "announced"), (json.GetProperty("publish_at").GetString(), json.GetProperty("status").GetString()));
        Assert.Equal("Council complaint statistics 2020-21", feed.Summary);
        foreach (var route in CalendarRoutes)
        {
            var body = (await Get(route)).Body;
            Assert.DoesNotContain("zebrafinch", body);
            Assert.DoesNotContain("quokka", body);
            Assert.DoesNotContain("/releases/2020-21", body);
        }
        var elsewhere = new[] { "/", "/councils/E06000017/rutland/2019-20", "/api/v1/authorities/E06000017/statistics", "/api/v1/authorities/E06000017/signals", "/councils/E06000017/rutland/case-mix.csv",
            "/api/v1/authorities", "/decisions?q=mislaid",
            "/years/2019-20", "/data", "/releases/2019-20" };
        await NoPageMentionsTheYear(elsewhere);
    }

    private async Task NoPageMentionsTheYear(IEnumerable<string> pages)
    {
        foreach (var page in pages)
        {
            var (status, body, _) = await Get(page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.False(body.Contains("2020-21", StringComparison.Ordinal), $"{page}: {body[Math.Max(0, body.IndexOf("2020-21", StringComparison.Ordinal) - 300)..Math.Min(body.Length, body.IndexOf("2020-21", StringComparison.Ordinal) + 100)]}");
            Assert.DoesNotContain("zebrafinch", body); // the unpublished decision's words, searched for by another of them
            Assert.DoesNotContain("quokka", body); // the unpublished self-assessment's action
        }
    }

    [SkippableFact]
    public async Task Before_its_time_the_static_export_holds_nothing_of_the_year_but_its_announced_date()
    {
        Announce();
        var folder = Path.Combine(Path.GetTempPath(), $"upheld-export-{Guid.NewGuid():N}");
        try
        {
            await StaticExport.ExportAsync(Site.Client, folder);

            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Assert.Contains(files, f => f.Contains("2019-20", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => f.Contains("2020-21", StringComparison.Ordinal));
            var calendar = new[] { "releases/index.html", "releases.ics", "api/v1/releases.json" }.Select(f => Path.Combine(folder, f)).ToList();
            Assert.All(calendar, f => Assert.Contains("2020-21", File.ReadAllText(f)));
            Assert.DoesNotContain(files.Except(calendar), f => File.ReadAllText(f).Contains("2020-21", StringComparison.Ordinal) && !f.EndsWith(".css", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("zebrafinch", StringComparison.Ordinal));
            Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("quokka", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task After_its_time_the_year_appears_everywhere_without_a_restart()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/years/2020-21")).Status);

        Site.Clock.Now = Due;

        Assert.Equal(HttpStatusCode.OK, (await Get("/years/2020-21")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get("/councils/E06000017/rutland/2020-21")).Status);
        Assert.Contains("2020-21", (await Get("/api/v1/authorities/E06000017/statistics")).Body);
        Assert.Contains("zebrafinch", (await Get("/decisions/20%20000%20001")).Body);
        Assert.Contains("Hire a quokka wrangler", (await Get("/councils/E06000017/rutland/2020-21")).Body);
        Assert.Contains("\"stage1_in_time_pct\": \"79%\"", (await Get("/api/v1/authorities/E06000017/complaint-handling")).Body); // 30 ÷ 38 = 78.9%
        // Rutland's one housing investigation upheld, Worcestershire's not: housing 1 of 2 nationally, so Rutland expected 0.5 and upheld 1.
        Assert.Contains("\"ratio\": 2,", (await Get("/api/v1/authorities/E06000017/signals")).Body);
    }

    [SkippableFact]
    public async Task Staff_see_the_year_before_its_time_and_each_view_is_in_the_access_log()
    {
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "sam@example.org");

        var page = await staff.Get("/staff/councils/E06000017/2020-21");
        var sheet = await staff.Get("/staff/councils/E06000017/2020-21/decided.csv");
        var published = await staff.Get("/staff/councils/E06000017/2019-20");
        var log = await staff.Get("/staff/access-log");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("These figures are not yet published", page.Body);
        // Rutland upheld 1 where 0.5 were expected (housing, upheld 1 of 2 across England): V = 0.25, (1 ∓ 1.96 × 0.5) ÷ 0.5.
        Assert.Contains("2.00 (1 upheld, 0.5 expected; 95% interval 0.04 to 3.96, similar)", page.Body);
        Assert.Contains("20 000 001,E06000017,,2020-06-01,Housing,,upheld,false,The council mislaid a zebrafinch licence.", sheet.Body);
        Assert.DoesNotContain("not yet published", published.Body);
        using var connection = Site.Database.Connect();
        var entries = AccessLog.Latest(connection);
        Assert.Equal(["council: decided.csv", "council: statistics and letter state"], entries.Select(e => e.What));
        Assert.All(entries, e => Assert.Equal(("Staff <sam@example.org>", new FinancialYear(2020), "E06000017", Site.Clock.Now), (e.Who, e.Year, e.CouncilCode, e.At)));
        Assert.Contains("council: decided.csv", log.Body);
    }
}

public sealed class SqliteUnpublishedYearTests() : UnpublishedYearTests(DatabaseProvider.Sqlite);

public sealed class PostgresUnpublishedYearTests() : UnpublishedYearTests(DatabaseProvider.PostgreSql);
