using System.Net;
using Dapper;
using Upheld.Accounts;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Publishing;

/// <summary><c>upheld publish</c> and <c>/staff/publication</c> are one use case (<see cref="SetPublication"/>): the same schedule, audit entry and snapshot, committed together.</summary>
public abstract class SetPublicationTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task The_command_line_and_the_staff_area_schedule_a_year_alike()
    {
        await using var ends = new FrontEnds(provider);

        var cli = ends.Cli("publish", "--year", "2019-20", "--at", "2031-01-02T03:04:00Z");
        var publisher = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Publisher);
        var site = await publisher.PostForm("/staff/publication", "/staff/publication",
            new() { ["year"] = "2019-20", ["date"] = "2031-01-02", ["time"] = "03:04", ["action"] = "set" });

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var years = ends.Rows("SELECT year, published_at FROM years");
        Assert.Equal(["2019 | 2031-01-02T03:04:00Z"], years.Site);
        Assert.Equal(years.Cli, years.Site);
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.Equal(["""set publication time | year 2019-20 | {"published_at":"2020-07-29T08:30:00Z"} | {"published_at":"2031-01-02T03:04:00Z"}"""], audit.Site);
        Assert.Equal(audit.Cli, audit.Site);
        // A year public again only in the future has its snapshot retaken from the data as it stands.
        var snapshot = ends.Rows(FrontEnds.Snapshot(2019));
        Assert.NotEmpty(snapshot.Site);
        Assert.Equal(snapshot.Cli, snapshot.Site);
    }

    [SkippableFact]
    public async Task The_command_line_and_the_staff_area_announce_move_and_cancel_a_release_alike()
    {
        await using var ends = new FrontEnds(provider);
        // A year without data or letters, so each step's snapshot is quick; the rules do not depend on the data.

        var announced = ends.Cli("publish", "--year", "2027-28", "--at", "2031-01-02T03:04:00Z", "--announce");
        var moved = ends.Cli("publish", "--year", "2027-28", "--at", "2031-02-02T03:04:00Z", "--reason", "Moved for the elections");
        var cancelled = ends.Cli("publish", "--year", "2027-28", "--withdraw", "--reason", "A data error");
        var publisher = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Publisher);
        var posts = new List<HttpResponseMessage>
        {
            await publisher.PostForm("/staff/publication", "/staff/publication",
                new() { ["year"] = "2027-28", ["date"] = "2031-01-02", ["time"] = "03:04", ["action"] = "set", ["announce"] = "true" }),
            await publisher.PostForm("/staff/publication", "/staff/publication",
                new() { ["year"] = "2027-28", ["date"] = "2031-02-02", ["time"] = "03:04", ["action"] = "set", ["reason"] = "Moved for the elections" }),
            await publisher.PostForm("/staff/publication", "/staff/publication", new() { ["year"] = "2027-28", ["action"] = "clear", ["reason"] = "A data error" }),
        };

        Assert.All(new[] { announced, moved, cancelled }, run => Assert.Equal(0, run.ExitCode));
        // 03:04 UTC in winter is 3:04am in the UK (GMT).
        Assert.Contains("Announced on the release calendar: 2027-28, 2 January 2031, 3:04am (UK time).", announced.Output);
        Assert.Contains("The announced release date moved to 2 February 2031, 3:04am (UK time); the calendar keeps the change.", moved.Output);
        Assert.Contains("The announced release is cancelled; the calendar keeps the change.", cancelled.Output);
        Assert.All(posts, post => Assert.Equal(HttpStatusCode.Redirect, post.StatusCode));
        var changes = ends.Rows("SELECT year, number, from_at, to_at, reason FROM release_date_changes");
        Assert.Equal(["2027 | 1 | 2031-01-02T03:04:00Z | 2031-02-02T03:04:00Z | Moved for the elections", "2027 | 2 | 2031-02-02T03:04:00Z |  | A data error"], changes.Site);
        Assert.Equal(changes.Cli, changes.Site);
        var announcement = ends.Rows("SELECT year, publish_at, CASE WHEN cancelled_on IS NULL THEN 'announced' ELSE 'cancelled' END FROM release_announcements");
        Assert.Equal(["2027 | 2031-02-02T03:04:00Z | cancelled"], announcement.Site);
        Assert.Equal(announcement.Cli, announcement.Site);
        var audit = ends.Rows("SELECT action, before_json, after_json FROM audit_log WHERE action LIKE '%release%'");
        Assert.Equal(3, audit.Site.Count);
        Assert.Equal(audit.Cli, audit.Site);
    }

    [SkippableFact]
    public async Task A_snapshot_that_fails_leaves_neither_the_new_time_nor_its_audit_entry()
    {
        await using var site = new SiteHost(provider: provider);
        using (var connection = site.Database.Connect())
            connection.Execute(provider == DatabaseProvider.Sqlite
                ? "CREATE TRIGGER refuse_snapshot BEFORE INSERT ON published_records BEGIN SELECT RAISE(ABORT, 'snapshot refused'); END"
                : """
                  CREATE FUNCTION refuse_snapshot() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'snapshot refused'; END $$ LANGUAGE plpgsql;
                  CREATE TRIGGER refuse_snapshot BEFORE INSERT ON published_records FOR EACH ROW EXECUTE FUNCTION refuse_snapshot();
                  """);

        Assert.ThrowsAny<Exception>(() =>
            SetPublication.Run(site.Database, new FinancialYear(2019), new DateTimeOffset(2031, 1, 2, 3, 4, 0, TimeSpan.Zero), new Actor("Sam"), site.Clock));

        using var check = site.Database.Connect();
        Assert.Equal(SiteHost.PublishedAt, Publication.Schedule(check)[new FinancialYear(2019)]);
        Assert.DoesNotContain(AuditLog.Latest(check), e => e.Action == "set publication time");
    }
}

public sealed class SqliteSetPublicationTests() : SetPublicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresSetPublicationTests() : SetPublicationTests(DatabaseProvider.PostgreSql);
