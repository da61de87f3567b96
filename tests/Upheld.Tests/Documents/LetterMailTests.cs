using System.Net;
using System.Net.Sockets;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Letters.Mail;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;
using Upheld.Documents;

using Upheld.Tests.Letters;
using Upheld.Tests.Letters.Mail;

namespace Upheld.Tests.Documents;

/// <summary>
/// Sending 2019-20 letters to a real SMTP server on loopback. Rutland and Cambridgeshire are approved and have addressees;
/// Wellingborough is approved but has no address; Worcestershire was approved, then its data changed; the rest are not approved.
/// </summary>
public sealed class LetterMailTests : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private const string Rutland = "E06000017", Cambridgeshire = "E10000003", Wellingborough = "E07000156", Worcestershire = "E10000034";
    private static readonly DateTimeOffset Now = new(2020, 7, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _store = TestDatabase.Sqlite();
    private readonly string _token = Guid.NewGuid().ToString("N")[..12];
    private readonly List<TimeSpan> _waits = [];

    public LetterMailTests()
    {
        Import(new ImportFolder().AsCases().With("contacts.csv", "code,year,honorific,surname,role,email",
            $"{Rutland},2019-20,Mr,Brown,Chief Executive,ceo-{_token}@rutland.example",
            $"{Cambridgeshire},2019-20,Ms,Green,Chief Executive,ceo-{_token}@cambridgeshire.example",
            $"{Wellingborough},2019-20,Mr,Black,Chief Executive,"));
        using (var connection = _store.Database.Connect())
        {
            foreach (var letter in YearLetters.Compose(connection, Year, EditionCatalog.Load()).Where(l => l.Letter.AuthorityCode is Rutland or Cambridgeshire or Wellingborough or Worcestershire))
                LetterReview.Approve(connection, letter.Letter.AuthorityCode, Year, letter.ContentHash, Now.AddDays(-1));
        }
        Import(new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome", $"LATE-1,{Worcestershire},2019-07-01,upheld"));
    }

    public void Dispose() => _store.Dispose();

    private void Import(ImportFolder folder)
    {
        using (folder) Assert.True(new Importer(_store.Database).Import(folder.Path).Succeeded);
    }

    private LetterMail Mail(string host, int port, int stopAfterFailuresInARow = 3) => new(_store.Database,
        new MailSettings(host, port, "annual.review@ombudsman.example", Attempts: 3, FirstRetryDelay: TimeSpan.FromSeconds(1), Delay: wait => { _waits.Add(wait); return Task.CompletedTask; },
            StopAfterFailuresInARow: stopAfterFailuresInARow),
        new LinkOfficers(code => code == Rutland ? [$"link-{_token}@rutland.example"] : []), new TestClock(Now));

    private LetterSend SendRecord(string code)
    {
        using var connection = _store.Database.Connect();
        return LetterSends.ForYear(connection, Year)[code];
    }

    [SkippableFact]
    public async Task Approved_letters_go_to_the_addressee_and_link_officer_as_html_with_the_pdf_attached()
    {
        var sink = SmtpSink.Require();
        PdfTools.Require();

        var summary = await Mail(sink.Host, sink.Port).SendYearAsync(Year);

        Assert.Equal([Rutland, Cambridgeshire], summary.Sent.Order());
        Assert.Contains(Worcestershire, summary.NotApproved);
        Assert.DoesNotContain(Worcestershire, summary.Sent);
        var failure = Assert.Single(summary.Failed);
        Assert.Equal((Wellingborough, 0), (failure.AuthorityCode, failure.Attempts));
        Assert.StartsWith("no e-mail address", failure.Error);

        var (message, envelope) = Assert.Single(sink.MessagesTo($"ceo-{_token}@rutland.example", 1));
        Assert.Equal([$"ceo-{_token}@rutland.example", $"link-{_token}@rutland.example"], envelope);
        Assert.Equal($"ceo-{_token}@rutland.example", message.To.Mailboxes.Single().Address);
        Assert.Equal($"link-{_token}@rutland.example", message.Cc.Mailboxes.Single().Address);
        Assert.Equal("Annual Review letter 2020: Rutland", message.Subject);
        Assert.Contains("Annual Review letter 2020", message.HtmlBody);
        Assert.Contains("Rutland County Council", message.HtmlBody);
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("E06000017-rutland-2019-20-letter.pdf", attachment.FileName);
        using var pdf = new MemoryStream();
        attachment.Content!.DecodeTo(pdf);
        Assert.Equal("%PDF"u8.ToArray(), pdf.ToArray()[..4]);

        var sent = SendRecord(Rutland);
        Assert.Equal((Now, 1, (string?)null), (sent.SentAt!.Value, sent.Attempts, sent.LastError));
        Assert.Equal([$"ceo-{_token}@rutland.example", $"link-{_token}@rutland.example"], sent.Recipients);
    }

    [SkippableFact]
    public async Task A_second_run_sends_nothing_again_unless_asked_to_resend()
    {
        var sink = SmtpSink.Require();
        PdfTools.Require();
        await Mail(sink.Host, sink.Port).SendYearAsync(Year);

        var again = await Mail(sink.Host, sink.Port).SendYearAsync(Year);
        Assert.Empty(again.Sent);
        Assert.Equal([Rutland, Cambridgeshire], again.AlreadySent.Order());
        Assert.Single(sink.MessagesTo($"ceo-{_token}@cambridgeshire.example", 1));

        var resent = await Mail(sink.Host, sink.Port).SendYearAsync(Year, resend: true);
        Assert.Equal([Rutland, Cambridgeshire], resent.Sent.Order());
        Assert.Equal(2, sink.MessagesTo($"ceo-{_token}@cambridgeshire.example", 2).Count);
    }

    [Fact]
    public async Task A_letter_whose_pdf_cannot_be_printed_is_reported_and_recorded_not_dropped()
    {
        var summary = await Mail("127.0.0.1", 1).SendYearAsync(Year, code: Rutland, startPdf: () => throw new FileNotFoundException("Chromium was not found"));

        var failure = Assert.Single(summary.Failed);
        Assert.Equal((Rutland, 0, "the message could not be made: Chromium was not found"), (failure.AuthorityCode, failure.Attempts, failure.Error));
        Assert.Equal("the message could not be made: Chromium was not found", SendRecord(Rutland).LastError);
        Assert.Empty(_waits);
    }

    [SkippableFact]
    public async Task A_browser_that_fails_to_start_is_started_again_once_and_every_letter_is_sent()
    {
        var sink = SmtpSink.Require();
        PdfTools.Require();
        var starts = 0;
        Task<LetterPdf> FailingFirst() => ++starts == 1 ? Task.FromException<LetterPdf>(new IOException("Chromium exited at start")) : LetterPdf.StartAsync();

        var summary = await Mail(sink.Host, sink.Port).SendYearAsync(Year, startPdf: FailingFirst);

        Assert.Equal([Rutland, Cambridgeshire], summary.Sent.Order());
        Assert.Equal(2, starts);
        Assert.Single(sink.MessagesTo($"ceo-{_token}@rutland.example", 1));
        Assert.Single(sink.MessagesTo($"ceo-{_token}@cambridgeshire.example", 1));
    }

    [Fact]
    public async Task A_browser_that_fails_again_is_not_started_a_third_time_and_every_letter_is_reported()
    {
        var starts = 0;
        Task<LetterPdf> Failing() => ++starts > 0 ? throw new FileNotFoundException("Chromium was not found") : LetterPdf.StartAsync();

        var summary = await Mail("127.0.0.1", 1).SendYearAsync(Year, startPdf: Failing);

        // Rutland and Cambridgeshire each fail to be made (Wellingborough has no address): one start, one start again, no more.
        Assert.Equal([Rutland, Cambridgeshire], summary.Failed.Where(f => f.Attempts == 0 && f.Error!.StartsWith("the message could not be made", StringComparison.Ordinal))
            .Select(f => f.AuthorityCode).Order());
        Assert.Equal(2, starts);
    }

    [SkippableFact]
    public async Task A_server_that_refuses_connections_is_tried_three_times_then_reported_and_a_later_run_sends_the_letter()
    {
        PdfTools.Require();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var summary = await Mail("127.0.0.1", port).SendYearAsync(Year, code: Rutland);

        Assert.Empty(summary.Sent);
        var failure = Assert.Single(summary.Failed);
        Assert.Equal((Rutland, 3), (failure.AuthorityCode, failure.Attempts));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _waits);
        var record = SendRecord(Rutland);
        Assert.Null(record.SentAt);
        Assert.Equal(3, record.Attempts);
        Assert.False(string.IsNullOrEmpty(record.LastError));

        var sink = SmtpSink.Require();
        var retry = await Mail(sink.Host, sink.Port).SendYearAsync(Year, code: Rutland);
        Assert.Equal([Rutland], retry.Sent);
        Assert.Equal(Now, SendRecord(Rutland).SentAt);
    }

    [SkippableFact]
    public async Task After_letters_fail_at_the_server_in_a_row_the_rest_are_not_tried_but_reported_and_recorded()
    {
        PdfTools.Require();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var summary = await Mail("127.0.0.1", port, stopAfterFailuresInARow: 1).SendYearAsync(Year);

        Assert.Empty(summary.Sent);
        var tried = Assert.Single(summary.Failed, f => f.Attempts == 3);
        var notTried = Assert.Single(summary.Failed, f => f.Error.StartsWith("not tried", StringComparison.Ordinal));
        Assert.Equal([Rutland, Cambridgeshire], new[] { tried.AuthorityCode, notTried.AuthorityCode }.Order());
        Assert.Equal(0, notTried.Attempts);
        Assert.Contains(tried.Error, notTried.Error);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _waits); // one letter's retries, not two
        Assert.StartsWith("no e-mail address", Assert.Single(summary.Failed, f => f.AuthorityCode == Wellingborough).Error);
        Assert.Equal(notTried.Error, SendRecord(notTried.AuthorityCode).LastError);
        Assert.Null(SendRecord(notTried.AuthorityCode).SentAt);
    }
}
