using System.IO.Compression;
using System.Net;
using System.Text;
using Dapper;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>Uploading an import folder as a zip: all or nothing, the import's report on the page, and hostile zips refused safely.</summary>
public abstract class ImportUploadTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        return memory.ToArray();
    }

    private static async Task<HttpResponseMessage> Upload(StaffSession session, byte[] zip, bool replace = false, string? reason = null)
    {
        var (_, page) = await session.Get("/staff/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenOf(page, "/staff/import")), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "folder", "cases.zip" },
        };
        if (replace) form.Add(new StringContent("true"), "replace");
        if (reason is not null) form.Add(new StringContent(reason), "revision_reason");
        return await session.Client.PostAsync("/staff/import", form);
    }

    private long Count(string sql) { using var c = Site.Database.Connect(); return c.ExecuteScalar<long>(sql); }

    [SkippableFact]
    public async Task A_good_folder_is_imported_and_the_report_shown()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        // 2019-20 is published: the import revises it, so it needs a reason (a version of the year carries it).
        var response = await Upload(session, Zip(("cases/decisions.csv",
            "case_ref,authority_code,decision_date,outcome\r\nZ-1,E06000017,2019-09-01,upheld\r\nZ-2,E06000017,2019-09-02,not_upheld\r\n"),
            ("cases/notes.txt", "ignored")), reason: "Two decisions left out of the first load");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cases.zip is imported.", page);
        Assert.Matches(@"decisions\.csv</th>\s*<td[^>]*>2</td><td[^>]*>2</td>", page);
        Assert.Equal(2, Count("SELECT COUNT(*) FROM decisions WHERE case_ref LIKE 'Z-%'"));
        using var connection = Site.Database.Connect();
        var entry = Assert.Single(AuditLog.Latest(connection));
        Assert.Equal(("import", "upload cases.zip", """{"decisions.csv":{"rows":2,"added":2,"unchanged":0,"replaced":0}}"""), (entry.Action, entry.Entity, entry.After));
    }

    [SkippableFact]
    public async Task A_folder_that_revises_a_published_year_without_a_reason_is_refused_beside_the_reason_and_changes_nothing()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await Upload(session, Zip(("decisions.csv", "case_ref,authority_code,decision_date,outcome\r\nZ-1,E06000017,2019-09-01,upheld\r\n")));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#revision_reason\">2019-20 is published: give the reason for changing its figures, and say whether it corrects an error</a>", page);
        Assert.Contains("<p id=\"revision_reason-error\" class=\"govuk-error-message\">", page);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decisions WHERE case_ref LIKE 'Z-%'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM audit_log WHERE action = 'import'"));
    }

    [SkippableFact]
    public async Task A_folder_with_one_bad_row_changes_nothing_and_the_page_names_file_line_and_column()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await Upload(session, Zip(
            ("decisions.csv", "case_ref,authority_code,decision_date,outcome\r\nZ-1,E06000017,2019-09-01,upheld\r\n"),
            ("compliance.csv", "case_ref,authority_code,recorded_date,outcome\r\nZ-1,E06000017,2019-10-01,maybe\r\n")));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was imported", page);
        Assert.Contains("compliance.csv line 2, column outcome: unknown outcome &#x27;maybe&#x27;", page);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decisions WHERE case_ref = 'Z-1'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM audit_log"));
    }

    [SkippableFact]
    public async Task Entries_with_climbing_paths_are_never_written_and_deep_ones_are_ignored()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await Upload(session, Zip(("../../decisions.csv", "case_ref,authority_code,decision_date,outcome\r\nZ-9,E06000017,2019-09-01,upheld\r\n")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The zip file holds none of the import files", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "..", "..", "decisions.csv")));
    }

    [SkippableFact]
    public async Task A_file_that_is_not_a_zip_is_refused_beside_the_upload_field()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await Upload(session, Encoding.UTF8.GetBytes("case_ref,authority_code\r\n"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#folder\">The file is not a zip file that can be read.</a>", page);
    }

    [SkippableTheory]
    [InlineData("hello world")] // the 11-byte text file of the report
    [InlineData("x")]
    [InlineData("PK\u0003\u0004 not really a zip at all, just its first bytes")]
    [InlineData("PK\u0005\u0006\0\0\0\0\u0001\0\u0001\0\u00ff\u00ff\u00ff\u000f\0\0\0\0\0\0")] // an end record pointing nowhere
    public async Task Any_file_that_is_not_a_zip_is_refused_beside_the_field_not_a_server_error(string text)
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await Upload(session, Encoding.Latin1.GetBytes(text));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#folder\">The file is not a zip file that can be read.</a>", page);
    }
}

/// <summary>A zip that expands past the limit is refused with memory bounded, whatever sizes it declares.</summary>
public class ZipBombTests
{
    [Fact]
    public void A_zip_that_expands_past_the_limit_is_refused_without_holding_it_in_memory()
    {
        // 1 GiB + 1 MiB of zeros deflates to about 1 MB; the limit is 1 GiB.
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry("decisions.csv", CompressionLevel.Fastest).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 1025; i++) entry.Write(zeros);
        }
        zip.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (files, problem) = Upheld.Web.Staff.ZipFolder.Read(zip);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(files);
        Assert.Equal("The zip file expands to more than 1024 MB; import it from the command line.", problem);
        // Streaming through a fixed buffer to disk allocates a few megabytes at most; holding the entry took over 2 GB.
        Assert.True(allocated < 32L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }
}

public sealed class SqliteImportUploadTests() : ImportUploadTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportUploadTests() : ImportUploadTests(DatabaseProvider.PostgreSql);
