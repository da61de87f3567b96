using System.Net;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.Cli;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Letters;

/// <summary><c>letters approve --hash</c> and the review page's approve button are one use case (<see cref="Letters.ApproveLetter"/>): the same approval, audit entry and published letter.</summary>
public abstract class ApproveLetterTests(DatabaseProvider provider)
{
    private const string Letter = "/staff/letters/E06000017/2019-20";

    [SkippableFact]
    public async Task The_command_line_and_the_staff_area_approve_alike()
    {
        await using var ends = new FrontEnds(provider);

        var cli = CliRun.ApproveLetter("2019-20", "E06000017", FrontEnds.Db(ends.ThroughCli.Database));
        var publisher = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Publisher);
        var site = await publisher.PostForm(Letter, $"{Letter}/approve", []);

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var approvals = ends.Rows("SELECT authority_code, year, content_hash FROM letter_approvals");
        Assert.Single(approvals.Site);
        Assert.Equal(approvals.Cli, approvals.Site);
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.StartsWith("approve letter | letter E06000017 2019-20", audit.Site.Single());
        Assert.Equal(audit.Cli, audit.Site);
        // 2019-20 is public, so the letter approved after publication joins the snapshot as first published then.
        var snapshot = ends.Rows(FrontEnds.Snapshot(2019));
        Assert.Contains(snapshot.Site, r => r.StartsWith("l | E06000017", StringComparison.Ordinal));
        Assert.Equal(snapshot.Cli, snapshot.Site);
    }
}

public sealed class SqliteApproveLetterTests() : ApproveLetterTests(DatabaseProvider.Sqlite);

public sealed class PostgresApproveLetterTests() : ApproveLetterTests(DatabaseProvider.PostgreSql);
