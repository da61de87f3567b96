using System.Net;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Letters.Mail;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Letters.Mail;

/// <summary><c>upheld letters send</c> and the staff letters page's send button are one use case (<see cref="RecordLetterSends"/>): the same sends recorded and the same audit entry.</summary>
public abstract class RecordLetterSendsTests(DatabaseProvider provider)
{
    private const string Rutland = "E06000017", From = "annual.review@ombudsman.example";
    private static readonly FinancialYear Year = new(2019);
    private readonly string _ceo = $"ceo-{Guid.NewGuid():N}@rutland.example";

    /// <summary>Gives Rutland's chief executive an address (unique to the test, to find its messages in the sink) and approves Rutland's letter.</summary>
    private void Prepare(SiteHost site)
    {
        using (var folder = new ImportFolder().With("contacts.csv", "code,year,honorific,surname,role,email", $"{Rutland},2019-20,Mr,Brown,Chief Executive,{_ceo}"))
            Assert.True(ImportData.Folder(site.Database, folder.Path, false, new Actor("setup"), site.Clock).Succeeded);
        string hash;
        using (var connection = site.Database.Connect())
            hash = YearLetters.Compose(connection, Year, EditionCatalog.Load(), Rutland).Single().ContentHash;
        Assert.True(ApproveLetter.Run(site.Database, Rutland, Year, hash, "Pat", EditionCatalog.Load(), new Actor("setup"), site.Clock).Approved);
    }

    [SkippableFact]
    public async Task The_command_line_and_the_send_button_record_the_sends_alike()
    {
        var sink = SmtpSink.Require();
        PdfTools.Require();
        var server = $"{sink.Host}:{sink.Port}";
        await using var ends = new FrontEnds(provider, new Dictionary<string, string?> { ["UPHELD_SMTP"] = server, ["UPHELD_SMTP_FROM"] = From });
        Prepare(ends.ThroughCli);
        Prepare(ends.ThroughSite);

        var cli = ends.Cli("letters", "send", "--year", "2019-20", "--smtp", server, "--from", From);
        var publisher = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Publisher);
        var site = await publisher.PostForm("/staff/letters?year=2019-20", "/staff/letters/send", new() { ["year"] = "2019-20" });

        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        Assert.Equal(2, sink.MessagesTo(_ceo, 2).Count);
        // When each letter went, and the attempts' details, differ by design (two runs at two moments); what was sent to whom does not.
        var sends = ends.Rows("SELECT authority_code, year, content_hash, recipients, sent_at IS NOT NULL, last_error FROM letter_sends");
        Assert.Single(sends.Site);
        Assert.StartsWith($"{Rutland} | 2019 | ", sends.Site.Single());
        Assert.Contains(_ceo, sends.Site.Single());
        Assert.Equal(sends.Cli, sends.Site);
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.StartsWith($$"""send letters | letters 2019-20 |  | {"server":"{{server}}","sent":["{{Rutland}}"]""", audit.Site.Single());
        Assert.Equal(audit.Cli, audit.Site);
    }
}

public sealed class SqliteRecordLetterSendsTests() : RecordLetterSendsTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecordLetterSendsTests() : RecordLetterSendsTests(DatabaseProvider.PostgreSql);
