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
