using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Upheld.Letters;
using Upheld.Letters.Mail;
using Upheld.Storage;

namespace Upheld.Documents;

/// <summary>Where and how letters are e-mailed: the SMTP server, the sender, and how often a failed send is tried.</summary>
/// <param name="Delay">Waits between attempts; tests pass one that does not sleep.</param>
/// <param name="StopAfterFailuresInARow">After this many letters in a row fail at the server, the rest of the batch is not tried (a server that is down would otherwise cost every letter its full retries).</param>
public sealed record MailSettings(string Host, int Port, string From, int Attempts = 3, TimeSpan? FirstRetryDelay = null,
    System.Net.NetworkCredential? Credentials = null, Func<TimeSpan, Task>? Delay = null, int StopAfterFailuresInARow = 3)
{
    public TimeSpan RetryDelay => FirstRetryDelay ?? TimeSpan.FromSeconds(2);

    /// <summary>How long one exchange with the server may take before the attempt fails (MailKit waits two minutes by default).</summary>
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The server as written in the settings, host:port.</summary>
    public string Server => $"{Host}:{Port}";
}

/// <summary>What a run did: letters sent, already sent before, not approved (or changed since approval), and failed.</summary>
public sealed record MailSummary(IReadOnlyList<string> Sent, IReadOnlyList<string> AlreadySent, IReadOnlyList<string> NotApproved, IReadOnlyList<MailFailure> Failed);

/// <summary>E-mails a year's approved letters to each council's addressee and link officers: the letter as the HTML body, its PDF attached.</summary>
/// <remarks>
/// Only letters whose content is still the approved content are sent. A letter already sent with the same content is
/// skipped unless <c>resend</c> is asked, so a run after a partial failure sends only what is missing. A failed send is
/// tried <see cref="MailSettings.Attempts"/> times, waiting twice as long each time, then recorded with its error and
/// reported; a letter with no address to send to is a failure too, never silently dropped.
/// </remarks>
public sealed class LetterMail(Database database, MailSettings settings, ILinkOfficerDirectory linkOfficers, TimeProvider clock)
{
    public async Task<MailSummary> SendYearAsync(FinancialYear year, bool resend = false, string? code = null,
        Func<Task<LetterPdf>>? startPdf = null, Action<string>? progress = null, EditionCatalog? editions = null)
    {
        using var connection = database.Connect();
        var letters = YearLetters.Compose(connection, year, editions ?? EditionCatalog.Load(), code);
        var addressees = LetterRecipients.Addressees(connection, year);
        await using var printer = new LetterPrinter(startPdf ?? (() => LetterPdf.StartAsync()));
        List<string> sent = [], already = [], notApproved = [];
        var failed = new List<MailFailure>();
        await using var html = new LetterHtml();
        var serverFailuresInARow = 0;
        string? lastServerError = null;
        foreach (var composed in letters)
        {
            var letter = composed.Letter;
            if (composed.Approval != ApprovalState.Approved) { notApproved.Add(letter.AuthorityCode); continue; }
            if (!resend && LetterSends.WasSent(connection, letter.AuthorityCode, year, composed.ContentHash)) { already.Add(letter.AuthorityCode); continue; }
            var recipients = new LetterRecipients(addressees.GetValueOrDefault(letter.AuthorityCode), linkOfficers.For(letter.AuthorityCode));
            progress?.Invoke($"{letter.AuthorityCode} {letter.AuthorityName}");
            var (attempts, error) =
                !recipients.Any ? (0, "no e-mail address: contacts.csv has no email for the addressee and the council has no link officer")
                : serverFailuresInARow >= settings.StopAfterFailuresInARow
                    ? (0, $"not tried after {serverFailuresInARow} {(serverFailuresInARow == 1 ? "letter" : "letters")} in a row failed at the server ({lastServerError}); send again once it answers")
                : await TrySendAsync(composed, recipients, html, printer, connection);
            if (attempts > 0)
            {
                serverFailuresInARow = error is null ? 0 : serverFailuresInARow + 1;
                lastServerError = error ?? lastServerError;
            }
            RecordLetterSends.Letter(connection, new LetterSend(letter.AuthorityCode, year, composed.ContentHash, recipients.All,
                error is null ? clock.GetUtcNow() : null, attempts, error, clock.GetUtcNow()));
            if (error is null) sent.Add(letter.AuthorityCode);
            else failed.Add(new MailFailure(letter.AuthorityCode, letter.AuthorityName, attempts, error));
        }
        return new MailSummary(sent, already, notApproved, failed);
    }

    // A letter whose message cannot be made (its PDF failed, an address is malformed) is a failure like a refused send: recorded and reported.
    private async Task<(int Attempts, string? Error)> TrySendAsync(ComposedLetter composed, LetterRecipients recipients, LetterHtml html,
        LetterPrinter printer, System.Data.Common.DbConnection connection)
    {
        MimeMessage message;
        try
        {
            message = await MessageAsync(composed, recipients, html, printer, connection);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (0, $"the message could not be made: {e.Message}");
        }
        return await SendWithRetriesAsync(settings, message);
    }

    private async Task<MimeMessage> MessageAsync(ComposedLetter composed, LetterRecipients recipients, LetterHtml html,
        LetterPrinter printer, System.Data.Common.DbConnection connection)
    {
        var letter = composed.Letter;
        var page = await html.RenderAsync(letter, composed.Edition);
        // The same key as the letter files and the site, so a PDF printed for either is reused here.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page)));
        var pdf = RenderedLetters.Find(connection, key, "pdf");
        if (pdf is null)
        {
            pdf = await printer.PrintAsync(page);
            RenderedLetters.Keep(connection, letter, key, "pdf", pdf);
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        if (recipients.Addressee is { } addressee) message.To.Add(MailboxAddress.Parse(addressee));
        foreach (var officer in recipients.LinkOfficers.Where(o => !string.Equals(o, recipients.Addressee, StringComparison.OrdinalIgnoreCase)))
            (recipients.Addressee is null ? message.To : message.Cc).Add(MailboxAddress.Parse(officer));
        message.Subject = $"{letter.Title}: {letter.AuthorityName}";
        var body = new BodyBuilder
        {
            HtmlBody = page,
            TextBody = $"{letter.Title} for {letter.AuthorityName}, {letter.Year}.\n\nThe letter is attached as a PDF; this message also shows it as a web page.\n",
        };
        body.Attachments.Add(LetterFiles.FileName(letter, "pdf"), pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Sends one message, tried <see cref="MailSettings.Attempts"/> times, waiting twice as long each time: letters and reminders alike.</summary>
    internal static async Task<(int Attempts, string? Error)> SendWithRetriesAsync(MailSettings settings, MimeMessage message)
    {
        var delay = settings.RetryDelay;
        string? error = null;
        for (var attempt = 1; attempt <= settings.Attempts; attempt++)
        {
            try
            {
                using var smtp = new SmtpClient { Timeout = (int)MailSettings.ServerTimeout.TotalMilliseconds };
                await smtp.ConnectAsync(settings.Host, settings.Port, SecureSocketOptions.StartTlsWhenAvailable);
                if (settings.Credentials is { } credentials) await smtp.AuthenticateAsync(credentials);
                await smtp.SendAsync(message);
                await smtp.DisconnectAsync(quit: true);
                return (attempt, null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = e.Message;
            }
            if (attempt < settings.Attempts)
            {
                await (settings.Delay ?? Task.Delay)(delay);
                delay *= 2;
            }
        }
        return (settings.Attempts, error);
    }
}
