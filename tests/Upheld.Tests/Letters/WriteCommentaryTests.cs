using System.Net;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Letters;

/// <summary>
/// The review page's commentary form (<see cref="Upheld.Letters.WriteCommentary"/>) and its command-line equivalent,
/// <c>upheld import</c> of a commentary.csv with the same paragraphs: the same commentary rows and the same snapshot.
/// </summary>
public abstract class WriteCommentaryTests(DatabaseProvider provider)
{
    private const string Letter = "/staff/letters/E06000017/2019-20";
    private const string First = "We thank the council for its prompt replies.", Second = "We look forward to working with you, as before.";

    [SkippableFact]
    public async Task The_review_page_and_an_import_of_commentary_write_it_alike()
    {
        await using var ends = new FrontEnds(provider);
        using var folder = new ImportFolder().With("commentary.csv", "authority_code,year,position,text",
            $"E06000017,2019-20,1,{First}", $"E06000017,2019-20,2,\"{Second}\"");

        var cli = ends.Cli("import", folder.Path);
        var staff = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Staff);
        var site = await staff.PostForm(Letter, $"{Letter}/commentary", new() { ["commentary"] = $"{First}\r\n\r\n{Second}" });

        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var rows = ends.Rows("SELECT authority_code, year, position, text FROM commentary");
        Assert.Equal([$"E06000017 | 2019 | 1 | {First}", $"E06000017 | 2019 | 2 | {Second}"], rows.Site);
        Assert.Equal(rows.Cli, rows.Site);
        // The entries differ by design: the form's replaces the letter's commentary and keeps the paragraphs before and
        // after, the import's adds paragraphs by position and counts rows per file. Each says these two paragraphs came in.
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.Equal([$$"""edit commentary | letter E06000017 2019-20 | [] | ["{{First}}","{{Second}}"]"""], audit.Site);
        Assert.Equal($$$"""import | folder {{{Path.GetFullPath(folder.Path)}}} |  | {"commentary.csv":{"rows":2,"added":2,"unchanged":0,"replaced":0}}""", audit.Cli.Single());
        // Commentary moves no figure, and Rutland's letter was never approved, so the public year's snapshot stands as published.
        var snapshot = ends.Rows(FrontEnds.Snapshot(2019));
        Assert.Contains(snapshot.Site, r => r.StartsWith("statistics | E06000017", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.Site, r => r.StartsWith("revised ", StringComparison.Ordinal));
        Assert.Equal(snapshot.Cli, snapshot.Site);
    }
}

public sealed class SqliteWriteCommentaryTests() : WriteCommentaryTests(DatabaseProvider.Sqlite);

public sealed class PostgresWriteCommentaryTests() : WriteCommentaryTests(DatabaseProvider.PostgreSql);
