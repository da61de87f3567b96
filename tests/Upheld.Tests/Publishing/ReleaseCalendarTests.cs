using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Dapper;
using Upheld.Accounts;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Web;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Publishing;

/// <summary>
/// The release calendar (docs/staff-guide.md, "The release calendar"): announcing, moving and cancelling a release date with
/// its history and reasons, the calendar before and after the time passes, and a published release's page with its
/// pre-release access list built from the access log.
/// </summary>
public abstract class ReleaseCalendarTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static readonly FinancialYear Next = new(2020);
    private static readonly Actor Publisher = new("Pat Publisher <pat@example.org>");

    // 08:30 UTC in summer is 9:30am in the UK (BST).
    private static readonly DateTimeOffset July28 = new(2021, 7, 28, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset August4 = new(2021, 8, 4, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset August11 = new(2021, 8, 11, 8, 30, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private PublicationSet Set(DateTimeOffset? at, ReleaseNote? note) => SetPublication.Run(Site.Database, Next, at, Publisher, Site.Clock, note);

    private async Task<JsonElement> CalendarEntry(FinancialYear year)
    {
        var (status, body, _) = await Get("/api/v1/releases");
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Single(r => r.GetProperty("year").GetString() == year.ToString()).Clone();
    }

    [SkippableFact]
    public async Task Announcing_moving_cancelling_and_announcing_again_keep_every_change_with_its_reason()
    {
        Site.Clock.Now = Day(2021, 3, 1);
        var announced = Set(July28, new ReleaseNote(Announce: true));
        Site.Clock.Now = Day(2021, 4, 1);
        // Once announced, a new time without --announce moves the announced date too.
        var moved = Set(August4, new ReleaseNote(Announce: false, "Two councils asked for more time to check their letters"));
        Site.Clock.Now = Day(2021, 5, 1);
        var cancelled = Set(null, new ReleaseNote(Announce: false, "Figures held back pending a court ruling"));
        Site.Clock.Now = Day(2021, 6, 1);
        var again = Set(August11, new ReleaseNote(Announce: true, "The court ruled"));
        var unchanged = Set(August11, new ReleaseNote(Announce: true));

        Assert.Equal([CalendarChange.Announced, CalendarChange.Moved, CalendarChange.Cancelled, CalendarChange.Announced, CalendarChange.None],
            new[] { announced, moved, cancelled, again, unchanged }.Select(s => s.Calendar));
        var entry = await CalendarEntry(Next);
        Assert.Equal(
            """
            {"year":"2020-21","publish_at":"2021-08-11T08:30:00Z","status":"announced","announced_on":"2021-03-01T12:00:00Z","changes":[
            {"from":"2021-07-28T08:30:00Z","to":"2021-08-04T08:30:00Z","reason":"Two councils asked for more time to check their letters","on":"2021-04-01T12:00:00Z"},
            {"from":"2021-08-04T08:30:00Z","to":null,"reason":"Figures held back pending a court ruling","on":"2021-05-01T12:00:00Z"},
            {"from":null,"to":"2021-08-11T08:30:00Z","reason":"The court ruled","on":"2021-06-01T12:00:00Z"}]}
            """.Replace("\n", ""),
            JsonSerializer.Serialize(entry));
        using var connection = Site.Database.Connect();
        var audit = AuditLog.Latest(connection).Where(e => e.Action.Contains("release", StringComparison.Ordinal)).Reverse().ToList();
        Assert.Equal(["announce release", "move release date", "cancel release", "announce release again"], audit.Select(e => e.Action));
        Assert.Equal(("""{"publish_at":"2021-08-04T08:30:00Z","status":"announced","reason":null}""", """{"publish_at":null,"status":"cancelled","reason":"Figures held back pending a court ruling"}"""),
            (audit[2].Before, audit[2].After));
        Assert.All(audit, e => Assert.Equal(("year 2020-21", Publisher.Name), (e.Entity, e.Who)));
    }

    [SkippableFact]
    public async Task A_year_never_announced_stays_off_the_calendar_until_it_is_published()
    {
        Site.Clock.Now = Day(2021, 3, 1);
        Set(July28, null);
        Set(August4, new ReleaseNote(Announce: false, "A reason for a date no one was told"));

        var (_, page, _) = await Get("/releases");
        var (_, json, _) = await Get("/api/v1/releases");
        var (_, feed, _) = await Get("/releases.ics");

        Assert.DoesNotContain("2020-21", page + json + feed);
        using var connection = Site.Database.Connect();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM release_date_changes"));
    }

    [SkippableFact]
    public async Task The_calendar_shows_the_announced_date_until_the_time_passes_then_the_release()
    {
        Site.Clock.Now = Day(2021, 3, 1);
        Set(July28, new ReleaseNote(Announce: true));

        Site.Clock.Now = July28.AddSeconds(-1);
        var before = await Get("/releases");
        var beforeEntry = await CalendarEntry(Next);
        var beforePage = await Get("/releases/2020-21");
        var beforeFeed = Ical.Net.Calendar.Load((await Get("/releases.ics")).Body)!;
        Site.Clock.Now = July28;
        var after = await Get("/releases");
        var afterEntry = await CalendarEntry(Next);
        var afterPage = await Get("/releases/2020-21");

        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">2020-21</th>\n                        <td class=\"govuk-table__cell\">28 July 2021, 9:30am</td>", before.Body);
        Assert.DoesNotContain("/releases/2020-21", before.Body);
        Assert.Equal(("announced", "2021-07-28T08:30:00Z"), (beforeEntry.GetProperty("status").GetString(), beforeEntry.GetProperty("publish_at").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, beforePage.Status);
        var feedEvent = beforeFeed.Events.Single(e => e.Uid == "release-2020-21@upheld");
        Assert.Equal((July28.UtcDateTime, "CONFIRMED", "Council complaint statistics 2020-21"), (feedEvent.DtStart!.AsUtc, feedEvent.Status, feedEvent.Summary));

        Assert.Contains("<a class=\"govuk-link\" href=\"/releases/2020-21\"><span class=\"govuk-visually-hidden\">The release of </span>2020-21</a>", after.Body);
        Assert.Equal("published", afterEntry.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, afterPage.Status);
    }

    [SkippableFact]
    public async Task A_cancelled_release_stays_on_the_calendar_and_in_the_feed_marked_cancelled()
    {
        Site.Clock.Now = Day(2021, 3, 1);
        Set(July28, new ReleaseNote(Announce: true));
        Site.Clock.Now = Day(2021, 5, 1);
        Set(null, new ReleaseNote(Announce: false, "Withheld"));

        var page = (await Get("/releases")).Body;
        var feed = Ical.Net.Calendar.Load((await Get("/releases.ics")).Body)!.Events.Single(e => e.Uid == "release-2020-21@upheld");

        Assert.Contains("Cancelled releases", page);
        Assert.Contains("On 1 May 2021: cancelled (it was to be published 28 July 2021, 9:30am). Reason: Withheld", page);
        Assert.Equal(("CANCELLED", 1), (feed.Status, feed.Sequence));
        Assert.Equal("cancelled", (await CalendarEntry(Next)).GetProperty("status").GetString());
    }

    [SkippableFact]
    public void Moving_or_cancelling_an_announced_date_without_a_required_reason_changes_nothing()
    {
        Site.Clock.Now = Day(2021, 3, 1);
        Set(July28, new ReleaseNote(Announce: true));

        var move = Assert.Throws<ReleaseReasonMissing>(() => Set(August4, new ReleaseNote(Announce: false, "  ", ReasonRequired: true)));
        var cancel = Assert.Throws<ReleaseReasonMissing>(() => Set(null, new ReleaseNote(Announce: false, null, ReasonRequired: true)));

        Assert.Equal("The release of 2020-21 is on the public calendar: give the reason for moving its date", move.Message);
        Assert.Equal("The release of 2020-21 is on the public calendar: give the reason for cancelling it", cancel.Message);
        using var connection = Site.Database.Connect();
        Assert.Equal(July28, Publication.Schedule(connection)[Next]);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM release_date_changes"));
        Assert.Equal(["announce release", "set publication time"],
            AuditLog.Latest(connection).Select(e => e.Action).Where(a => a.Contains("release", StringComparison.Ordinal) || a.Contains("publication", StringComparison.Ordinal)).Take(2).Reverse());
    }

    [SkippableFact]
    public async Task A_release_page_lists_what_was_published_and_the_roles_that_saw_it_before_never_the_people()
    {
        // 2019-20 moved from public to 10 August 2020, so staff and a link officer see it before its new time.
        var due = new DateTimeOffset(2020, 8, 10, 8, 30, 0, TimeSpan.Zero);
        Publication.Set(Site.Database, new FinancialYear(2019), due, Site.Clock, new ReleaseNote(Announce: true));
        StaffSession.AddAccount(Site, "sam.hidden@example.org", StaffRole.Staff, name: "Samantha Hiddenname");
        StaffSession.AddAccount(Site, "lee.hidden@rutland.example", StaffRole.LinkOfficer, "E06000017", name: "Leonora Secretname");
        async Task View(string email, string path, DateTimeOffset at)
        {
            Site.Clock.Now = at; // each a fresh sign-in, as a session lasts 8 hours
            var session = new StaffSession(Site);
            Assert.Equal(HttpStatusCode.Redirect, (await session.SignIn(email, StaffSession.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await session.Get(path)).Status);
        }

        await View("sam.hidden@example.org", "/staff/councils/E10000034/2019-20", new DateTimeOffset(2020, 8, 1, 10, 0, 0, TimeSpan.Zero));
        await View("lee.hidden@rutland.example", "/staff/councils/E06000017/2019-20", new DateTimeOffset(2020, 8, 3, 14, 15, 0, TimeSpan.Zero));
        await View("sam.hidden@example.org", "/staff/councils/E06000017/2019-20", new DateTimeOffset(2020, 8, 5, 9, 0, 0, TimeSpan.Zero)); // later views do not move when access began
        using (var connection = Site.Database.Connect())
            // A view at or after the publication time is no pre-release access (the site logs none; a row here must still not count).
            AccessLog.Record(connection, due, "Kim <kim@example.org>", "council: letter preview", new FinancialYear(2019), "E10000034", StaffRole.LinkOfficer, "E10000034");

        Site.Clock.Now = due;
        var (status, page, _) = await Get("/releases/2019-20");
        using var check = Site.Database.Connect();
        var accessors = PreReleaseAccess.For(check, new FinancialYear(2019), due);

        Assert.Equal(
            [
                new PreReleaseAccessor(StaffRole.Staff, null, new DateTimeOffset(2020, 8, 1, 10, 0, 0, TimeSpan.Zero)),
                new PreReleaseAccessor(StaffRole.LinkOfficer, "E06000017", new DateTimeOffset(2020, 8, 3, 14, 15, 0, TimeSpan.Zero)),
            ],
            accessors);
        Assert.Equal(HttpStatusCode.OK, status);
        // 10:00 UTC and 14:15 UTC in August are 11:00am and 3:15pm in the UK (BST).
        Assert.Contains("<td class=\"govuk-table__cell\">The ombudsman</td>\n                        <td class=\"govuk-table__cell\">Staff</td>\n                        <td class=\"govuk-table__cell\">1 August 2020, 11:00am</td>", page);
        Assert.Contains("<td class=\"govuk-table__cell\">Rutland County Council</td>\n                        <td class=\"govuk-table__cell\">Link officers</td>\n                        <td class=\"govuk-table__cell\">3 August 2020, 3:15pm</td>", page);
        foreach (var secret in new[] { "Samantha", "Hiddenname", "sam.hidden", "Leonora", "Secretname", "lee.hidden", "example.org", "Worcestershire County Council" })
            Assert.DoesNotContain(secret, page);

        // What was published: the snapshot's councils and letters, and the year's decisions as the bulk file holds them.
        var bulk = await Site.Client.GetByteArrayAsync("/years/2019-20/decisions.csv.gz");
        using var reader = new StreamReader(new GZipStream(new MemoryStream(bulk), CompressionMode.Decompress));
        var decisions = reader.ReadToEnd().TrimEnd('\n').Split('\n').Length - 1;
        var councils = PublishedFigures.ForYear(check, new FinancialYear(2019)).Count;
        Assert.Equal(343, councils); // every council that existed on 1 April 2019
        Assert.Contains($"<th scope=\"row\" class=\"govuk-table__header\">Councils' statistics</th>\n                <td class=\"govuk-table__cell govuk-table__cell--numeric\">343</td>", page);
        Assert.Contains($"<th scope=\"row\" class=\"govuk-table__header\">Decisions</th>\n                <td class=\"govuk-table__cell govuk-table__cell--numeric\">{decisions.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}</td>", page);
        Assert.Contains("href=\"/years/2019-20/versions\"", page);
        // The first publication, its withdrawal when the time moved into the future, and the publication of 10 August.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(page, "<td class=\"govuk-table__cell\">(Publication|Withdrawn)</td>").Count);
    }

    [SkippableFact]
    public void Views_logged_before_roles_were_recorded_take_the_role_of_the_account_they_name()
    {
        StaffSession.AddAccount(Site, "lee@rutland.example", StaffRole.LinkOfficer, "E06000017", name: "Lee Link");
        // The database as it was before migration 0014, with two views logged: one by an account that still exists, one by an account removed since.
        using (var connection = Site.Database.Connect())
            connection.Execute("""
                DROP TABLE release_announcements;
                DROP TABLE release_date_changes;
                ALTER TABLE access_log DROP COLUMN role;
                ALTER TABLE access_log DROP COLUMN organisation_code;
                INSERT INTO access_log (at, who, what, year, council_code) VALUES ('2020-07-01T09:00:00Z', 'Lee Link <lee@rutland.example>', 'council: letter preview', 2019, 'E06000017');
                INSERT INTO access_log (at, who, what, year, council_code) VALUES ('2020-07-02T09:00:00Z', 'Gone Person <gone@example.org>', 'data-quality report', 2019, NULL);
                DELETE FROM schema_migrations WHERE version = 14;
                """);

        Site.Database.Migrate();

        using var check = Site.Database.Connect();
        Assert.Equal(
            [
                new PreReleaseAccessor(StaffRole.LinkOfficer, "E06000017", new DateTimeOffset(2020, 7, 1, 9, 0, 0, TimeSpan.Zero)),
                new PreReleaseAccessor(null, null, new DateTimeOffset(2020, 7, 2, 9, 0, 0, TimeSpan.Zero)),
            ],
            PreReleaseAccess.For(check, new FinancialYear(2019), SiteHost.PublishedAt));
    }
}

public sealed class SqliteReleaseCalendarTests() : ReleaseCalendarTests(DatabaseProvider.Sqlite);

public sealed class PostgresReleaseCalendarTests() : ReleaseCalendarTests(DatabaseProvider.PostgreSql);
