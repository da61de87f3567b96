using System.Net;
using Upheld.Accounts;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Letters;

/// <summary><c>upheld letters switch</c> and the review page's switches are one use case (<see cref="SwitchLetterParagraph"/>): the same switch, audit entry and snapshot.</summary>
public abstract class SwitchLetterParagraphTests(DatabaseProvider provider)
{
    // Cambridgeshire had two remedies complied with late in 2019-20, so its letter has the late_remedies paragraph.
    private const string Cambridgeshire = "E10000003", Letter = $"/staff/letters/{Cambridgeshire}/2019-20";
    private static readonly FinancialYear Year = new(2019);

    /// <summary>Approves Cambridgeshire's letter after publication, so the public year's snapshot holds it as first published.</summary>
    private static void Approve(SiteHost site)
    {
        string hash;
        using (var connection = site.Database.Connect())
            hash = YearLetters.Compose(connection, Year, EditionCatalog.Load(), Cambridgeshire).Single().ContentHash;
        Assert.True(ApproveLetter.Run(site.Database, Cambridgeshire, Year, hash, "Pat", EditionCatalog.Load(), new Actor("setup"), site.Clock).Approved);
    }

    [SkippableFact]
    public async Task The_command_line_and_the_review_page_switch_a_paragraph_off_alike()
    {
        await using var ends = new FrontEnds(provider);
        Approve(ends.ThroughCli);
        Approve(ends.ThroughSite);

        var cli = ends.Cli("letters", "switch", "--year", "2019-20", "--authority", Cambridgeshire, "--paragraph", "late_remedies");
        var staff = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Staff);
        var (_, page) = await staff.Get(Letter);
        // The form's only switch is late_remedies, on; posting the form with no box ticked switches it off.
        Assert.Contains("name=\"on\" type=\"checkbox\" value=\"late_remedies\" checked", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "name=\"on\" type=\"checkbox\""));
        var site = await staff.PostFrom(page, $"{Letter}/switches", []);

        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var switches = ends.Rows("SELECT authority_code, year, paragraph FROM letter_switches");
        Assert.Equal([$"{Cambridgeshire} | 2019 | late_remedies"], switches.Site);
        Assert.Equal(switches.Cli, switches.Site);
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.Equal([$$"""switch paragraph off | letter {{Cambridgeshire}} 2019-20 late_remedies | {"on":true} | {"on":false}"""], audit.Site);
        Assert.Equal(audit.Cli, audit.Site);
        // The letter published keeps the paragraph the public first read; the switch moves no figure, so no revision.
        var snapshot = ends.Rows(FrontEnds.Snapshot(2019));
        Assert.Contains(snapshot.Site, r => r.StartsWith($"l | {Cambridgeshire}", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.Site, r => r.StartsWith("revised ", StringComparison.Ordinal));
        Assert.Equal(snapshot.Cli, snapshot.Site);
    }
}

public sealed class SqliteSwitchLetterParagraphTests() : SwitchLetterParagraphTests(DatabaseProvider.Sqlite);

public sealed class PostgresSwitchLetterParagraphTests() : SwitchLetterParagraphTests(DatabaseProvider.PostgreSql);
