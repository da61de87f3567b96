using System.IO.Compression;
using System.Net;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Import;

/// <summary><c>upheld import FOLDER</c> and the zip upload of <c>/staff/import</c> are one use case (<see cref="Upheld.Import.ImportData"/>): the same rows, audit entry and snapshot revisions.</summary>
public abstract class ImportDataTests(DatabaseProvider provider)
{
    // Rutland (E06000017) had 1 upheld of 1 investigated in the published 2019-20; these rows make it 2 upheld of 3, one
    // complied with on time, so the public year records a revision rather than retaking its snapshot.
    private static readonly (string File, string[] Lines)[] Files =
    [
        ("decisions.csv",
        [
            "case_ref,authority_code,received_date,decision_date,category,outcome,remedied_by_authority,summary",
            "19 000 901,E06000017,2019-05-01,2019-10-01,Housing,upheld,false,\"The council delayed repairs, and agreed to apologise.\"",
            "19 000 902,E06000017,2019-05-02,2019-10-02,Planning and Development,not_upheld,,",
        ]),
        ("compliance.csv", ["case_ref,authority_code,recorded_date,outcome", "19 000 901,E06000017,2019-11-01,complied_on_time"]),
        ("recommendations.csv",
        [
            "case_ref,authority_code,kind,remedy_category,text,amount_gbp,due_date",
            "19 000 901,E06000017,personal,financial,Pay Mr B £150 for his time and trouble.,150,2019-12-01",
        ]),
    ];

    private static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (file, lines) in Files)
            {
                using var writer = new StreamWriter(zip.CreateEntry(file).Open());
                writer.Write(string.Join("\r\n", lines) + "\r\n");
            }
        return memory.ToArray();
    }

    [SkippableFact]
    public async Task The_command_line_and_the_zip_upload_import_alike()
    {
        await using var ends = new FrontEnds(provider);
        using var folder = new ImportFolder();
        foreach (var (file, lines) in Files) folder.With(file, lines);

        // 2019-20 is published, so each front end gives the same reason (a revision: the upload's default kind).
        var cli = ends.Cli("import", folder.Path, "--reason", "Two decisions received late");
        var staff = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Staff);
        var (_, page) = await staff.Get("/staff/import");
        var site = await staff.Client.PostAsync("/staff/import", new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenOf(page, "/staff/import")), "__RequestVerificationToken" },
            { new ByteArrayContent(Zip()), "folder", "cases.zip" },
            { new StringContent("Two decisions received late"), "revision_reason" },
        });

        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        foreach (var table in new[] { "decisions", "compliance", "recommendations" })
        {
            var rows = ends.Rows($"SELECT * FROM {table} WHERE case_ref LIKE '19 000 9%'");
            Assert.NotEmpty(rows.Site);
            Assert.Equal(rows.Cli, rows.Site);
        }
        // The entry names where the files came from, a folder's full path or the uploaded zip's name, which differ by
        // design; the action, the absent before and the per-file counts of the after are the same.
        var audit = ends.Rows("SELECT action, entity, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1");
        Assert.Equal(
            """import | upload cases.zip |  | {"decisions.csv":{"rows":2,"added":2,"unchanged":0,"replaced":0},"recommendations.csv":{"rows":1,"added":1,"unchanged":0,"replaced":0},"compliance.csv":{"rows":1,"added":1,"unchanged":0,"replaced":0}}""",
            audit.Site.Single());
        Assert.Equal(audit.Site.Single().Replace("upload cases.zip", $"folder {Path.GetFullPath(folder.Path)}", StringComparison.Ordinal), audit.Cli.Single());
        var snapshot = ends.Rows(FrontEnds.Snapshot(2019));
        Assert.Contains(snapshot.Site, r => r.StartsWith("revised statistics | E06000017", StringComparison.Ordinal));
        Assert.Equal(snapshot.Cli, snapshot.Site);
        var versions = ends.Rows("SELECT version, change, reason FROM year_versions WHERE year = 2019 ORDER BY version");
        Assert.Equal("2 | revision | Two decisions received late", versions.Site.Last());
        Assert.Equal(versions.Cli, versions.Site);
    }
}

public sealed class SqliteImportDataTests() : ImportDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportDataTests() : ImportDataTests(DatabaseProvider.PostgreSql);
