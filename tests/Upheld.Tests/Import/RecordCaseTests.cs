using System.Net;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Import;

/// <summary>
/// The staff recording form (<see cref="Upheld.Import.RecordCase"/>) and its command-line equivalent, <c>upheld import</c> of a
/// one-row decisions.csv (there is no command-line form): the same row and the same 2019-20 revision.
/// </summary>
public abstract class RecordCaseTests(DatabaseProvider provider)
{
    private const string Case = "19 000 777";

    [SkippableFact]
    public async Task The_recording_form_and_a_one_row_import_record_a_decision_alike()
    {
        await using var ends = new FrontEnds(provider);
        using var folder = new ImportFolder().With("decisions.csv",
            "case_ref,authority_code,received_date,decision_date,category,subcategory,outcome,remedied_by_authority,summary",
            $"{Case},E06000017,2019-05-01,2019-10-01,Housing,,upheld,false,\"The council delayed repairs, and agreed to apologise.\"");

        // 2019-20 is published, so each front end gives the same reason and kind; the form requires them.
        var cli = ends.Cli("import", folder.Path, "--reason", "A decision left out of the published figures", "--correction");
        var staff = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Staff);
        var site = await staff.PostForm("/staff/record/decision", "/staff/record/decision", new()
        {
            ["mode"] = "add", ["case_ref"] = Case, ["authority_code"] = "E06000017", ["received_date"] = "2019-05-01",
            ["decision_date"] = "2019-10-01", ["category"] = "Housing", ["subcategory"] = "", ["outcome"] = "upheld",
            ["remedied_by_authority"] = "false", ["summary"] = "The council delayed repairs, and agreed to apologise.",
            ["revision_reason"] = "A decision left out of the published figures", ["revision_kind"] = "correction",
        });

        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var rows = ends.Rows($"SELECT * FROM decisions WHERE case_ref = '{Case}'");
        Assert.Single(rows.Site);
        Assert.Equal(rows.Cli, rows.Site);
        // The entries differ by design: the form's names the row it added and holds it whole, the import's names the folder
        // and counts rows per file. What they share is that each says this one decision was added.
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.StartsWith($"add decision | decisions {Case} |  | {{\"case_ref\":\"{Case}\",\"authority_code\":\"E06000017\"", audit.Site.Single());
        Assert.Contains("\"summary\":\"The council delayed repairs, and agreed to apologise.\"", audit.Site.Single());
        Assert.Equal($$$"""import | folder {{{Path.GetFullPath(folder.Path)}}} |  | {"decisions.csv":{"rows":1,"added":1,"unchanged":0,"replaced":0}}""", audit.Cli.Single());
        // Rutland's 1 upheld of 1 becomes 2 of 2 after publication: a revision, the same through either front end.
        var snapshot = ends.Rows(FrontEnds.Snapshot(2019));
        Assert.Contains(snapshot.Site, r => r.StartsWith("revised statistics | E06000017", StringComparison.Ordinal));
        Assert.Equal(snapshot.Cli, snapshot.Site);
        var versions = ends.Rows("SELECT version, change, reason FROM year_versions WHERE year = 2019 ORDER BY version");
        Assert.Equal("2 | correction | A decision left out of the published figures", versions.Site.Last());
        Assert.Equal(versions.Cli, versions.Site);
    }
}

public sealed class SqliteRecordCaseTests() : RecordCaseTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecordCaseTests() : RecordCaseTests(DatabaseProvider.PostgreSql);
