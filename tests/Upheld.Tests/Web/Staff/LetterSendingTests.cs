using System.Net;
using System.Text.Json;
using Dapper;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Letters;
using Upheld.Tests.Letters.Mail;

namespace Upheld.Tests.Web.Staff;

/// <summary>
/// A publisher sends a year's approved letters from /staff/letters through the real SMTP sink: Rutland and Cambridgeshire are approved
/// and have addressees, Wellingborough is approved with no address; the other 340 letters are not approved.
/// </summary>
public abstract class LetterSendingTests(DatabaseProvider provider) : IAsyncDisposable
{
    private const string Letters = "/staff/letters?year=2019-20", Send = "/staff/letters/send";
    private const string Rutland = "E06000017", Cambridgeshire = "E10000003", Wellingborough = "E07000156";
    private static readonly FinancialYear Year = new(2019);
    private readonly string _token = Guid.NewGuid().ToString("N")[..12];
    private SiteHost? _site;

    public async ValueTask DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private string Ceo(string council) => $"ceo-{_token}@{council}.example";

    /// <summary>The site sending through <paramref name="server"/>, with three letters approved and a link officer for Rutland.</summary>
    private SiteHost Site(string? server)
    {
        _site = new SiteHost(provider: provider, settings: server is null ? null : new Dictionary<string, string?>
        {
            ["UPHELD_SMTP"] = server, ["UPHELD_SMTP_FROM"] = "annual.review@ombudsman.example",
        });
        Import(new ImportFolder().With("contacts.csv", "code,year,honorific,surname,role,email",
            $"{Rutland},2019-20,Mr,Brown,Chief Executive,{Ceo("rutland")}",
            $"{Cambridgeshire},2019-20,Ms,Green,Chief Executive,{Ceo("cambridgeshire")}",
            $"{Wellingborough},2019-20,Mr,Black,Chief Executive,"), replace: false);
        using (var connection = _site.Database.Connect())
        {
            foreach (var letter in YearLetters.Compose(connection, Year, EditionCatalog.Load()).Where(l => l.Letter.AuthorityCode is Rutland or Cambridgeshire or Wellingborough))
                LetterReview.Approve(connection, letter.Letter.AuthorityCode, Year, letter.ContentHash, SiteHost.PublishedAt);
        }
        StaffSession.AddAccount(_site, $"link-{_token}@rutland.example", StaffRole.LinkOfficer, Rutland, "Lee Link");
        return _site;
    }

    private void Import(ImportFolder folder, bool replace)
    {
        using (folder)
        {
            var result = new Importer(_site!.Database).Import(folder.Path, replace);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        }
    }

    private long Count(string sql)
    {
        using var connection = _site!.Database.Connect();
        return connection.ExecuteScalar<long>(sql);
    }

    [SkippableFact]
    public async Task A_publisher_sends_the_approved_letters_with_their_pdfs_and_the_page_reports_each()
    {
        var sink = SmtpSink.Require();
        PdfTools.Require();
        var site = Site($"{sink.Host}:{sink.Port}");
        var publisher = await StaffSession.SignedIn(site, StaffRole.Publisher, email: "pat@example.org");

        var sent = await publisher.PostForm(Letters, Send, new() { ["year"] = "2019-20" });
        var (_, page) = await publisher.Get(sent.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/staff/letters?year=2019-20&sent=true", sent.Headers.Location!.OriginalString);
        // The page's report first: when a send fails, it says which letter and why.
        var report = System.Text.RegularExpressions.Regex.Match(page, @"2019-20: \d+ sent[^<]*").Value;
        var failures = string.Join("; ", System.Text.RegularExpressions.Regex.Matches(page, @"\([A-Z]\d{8}\): not sent[^<]*").Select(m => m.Value));
        Assert.True(report == "2019-20: 2 sent, 0 already sent, 340 skipped (not approved or changed since approval), 1 failed.", $"{report} {failures}");
        var (message, envelope) = Assert.Single(sink.MessagesTo(Ceo("rutland"), 1));
        Assert.Equal([Ceo("rutland"), $"link-{_token}@rutland.example"], envelope);
        Assert.Equal("annual.review@ombudsman.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("Annual Review letter 2020: Rutland", message.Subject);
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("E06000017-rutland-2019-20-letter.pdf", attachment.FileName);
        using (var pdf = new MemoryStream())
        {
            attachment.Content!.DecodeTo(pdf);
            Assert.Equal("%PDF"u8.ToArray(), pdf.ToArray()[..4]);
        }
        Assert.Single(sink.MessagesTo(Ceo("cambridgeshire"), 1));

        Assert.Contains("Some letters were not sent", page);
        Assert.Contains("2019-20: 2 sent, 0 already sent, 340 skipped (not approved or changed since approval), 1 failed.", page);
        Assert.Contains("30 July 2020 08:30 UTC, by Publisher &lt;pat@example.org&gt; through 127.0.0.1:2525", page);
        Assert.Contains("Wellingborough (E07000156): not sent after 0 attempts: no e-mail address", page);
        Assert.Contains($"Sent 30 July 2020 08:30 UTC to {Ceo("rutland")}, link-{_token}@rutland.example</td>", page);
        Assert.Contains($"Sent 30 July 2020 08:30 UTC to {Ceo("cambridgeshire")}</td>", page);
        Assert.Contains("Not sent: no e-mail address", page);
        using var connection = site.Database.Connect();
        var entry = Assert.Single(AuditLog.Latest(connection));
        Assert.Equal(("Publisher <pat@example.org>", "send letters", "letters 2019-20"), (entry.Who, entry.Action, entry.Entity));
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal([Rutland, Cambridgeshire], after.RootElement.GetProperty("sent").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(Wellingborough, after.RootElement.GetProperty("failed")[0].GetProperty("authority_code").GetString());
    }

    [SkippableFact]
    public async Task Sending_again_sends_only_what_is_missing()
    {
        var sink = SmtpSink.Require();
        PdfTools.Require();
        var site = Site($"{sink.Host}:{sink.Port}");
        var publisher = await StaffSession.SignedIn(site, StaffRole.Publisher);
        await publisher.PostForm(Letters, Send, new() { ["year"] = "2019-20" });
        // Wellingborough's addressee gets an address; its letter's words stay as approved.
        Import(new ImportFolder().With("contacts.csv", "code,year,honorific,surname,role,email",
            $"{Wellingborough},2019-20,Mr,Black,Chief Executive,{Ceo("wellingborough")}"), replace: true);

        var again = await publisher.PostForm(Letters, Send, new() { ["year"] = "2019-20" });
        var (_, page) = await publisher.Get(again.Headers.Location!.OriginalString);

        Assert.Contains("Letters sent", page);
        Assert.Contains("2019-20: 1 sent, 2 already sent, 340 skipped (not approved or changed since approval), 0 failed.", page);
        Assert.Single(sink.MessagesTo(Ceo("wellingborough"), 1));
        Assert.Single(sink.MessagesTo(Ceo("rutland"), 2)); // waits for a second message that must not come
        Assert.Equal(3, Count("SELECT COUNT(*) FROM letter_sends WHERE sent_at IS NOT NULL"));
    }

    [SkippableFact]
    public async Task Staff_without_the_publisher_role_see_no_button_and_their_post_is_refused()
    {
        var site = Site("127.0.0.1:1");
        var staff = await StaffSession.SignedIn(site, StaffRole.Staff);
        var (_, page) = await staff.Get(Letters);
        // Any form's token of this person's page: the refusal must come from the role, not from anti-forgery.
        var token = StaffSession.TokenOf(page, "/staff/sign-out");

        var refused = await staff.Client.PostAsync(Send, new FormUrlEncodedContent([new("year", "2019-20"), new("__RequestVerificationToken", token)]));

        Assert.DoesNotContain($"action=\"{Send}\"", page);
        Assert.Contains("A publisher sends the letters.", page);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM letter_sends"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM audit_log"));
    }

    [SkippableFact]
    public async Task Without_an_smtp_server_the_page_says_so_and_offers_no_button()
    {
        var site = Site(server: null);
        var publisher = await StaffSession.SignedIn(site, StaffRole.Publisher);
        var (_, page) = await publisher.Get(Letters);
        var token = StaffSession.TokenOf(page, "/staff/sign-out");

        var refused = await publisher.Client.PostAsync(Send, new FormUrlEncodedContent([new("year", "2019-20"), new("__RequestVerificationToken", token)]));

        Assert.Contains("E-mail is not set up for this site, so letters cannot be sent from here.", page);
        Assert.DoesNotContain($"action=\"{Send}\"", page);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM letter_sends"));
    }

    [SkippableFact]
    public async Task A_server_setting_that_is_not_host_and_port_is_named_on_the_page()
    {
        var site = Site("localhost");
        var publisher = await StaffSession.SignedIn(site, StaffRole.Publisher);

        var (_, page) = await publisher.Get(Letters);

        Assert.Contains("E-mail is not set up correctly (UPHELD_SMTP: &#x27;localhost&#x27; is not host:port, such as smtp.example.org:587)", page);
        Assert.DoesNotContain($"action=\"{Send}\"", page);
    }
}

public sealed class SqliteLetterSendingTests() : LetterSendingTests(DatabaseProvider.Sqlite);

public sealed class PostgresLetterSendingTests() : LetterSendingTests(DatabaseProvider.PostgreSql);
