using System.CommandLine;
using Upheld.Letters;
using Upheld.Letters.Mail;
using Upheld.Documents;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld letters send --year Y [--smtp host:port] [--from ADDRESS]</c>: e-mails the approved letters not yet sent.</summary>
/// <remarks>The server and sender default to UPHELD_SMTP and UPHELD_SMTP_FROM, the names the site reads (<see cref="MailConfiguration"/>).</remarks>
internal static class LetterSendCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var smtp = new Option<string?>("--smtp") { Description = $"The SMTP server, host:port (default: {MailConfiguration.Server}; STARTTLS when offered; {MailConfiguration.Username} and {MailConfiguration.Password} sign in)" };
        var from = new Option<string?>("--from") { Description = $"The sender's address (default: {MailConfiguration.From}, else {MailConfiguration.DefaultFrom})" };
        var authority = new Option<string?>("--authority") { Description = "Only this council's letter (ONS code)" };
        var resend = new Option<bool>("--resend") { Description = "Send again letters already sent with the same content" };
        var officers = new Option<string?>("--link-officers") { Description = "A CSV file (code, email) of link officers to copy in besides those with a staff-area account" };
        var attempts = new Option<int>("--attempts") { Description = "Tries per letter before it is reported as failed", DefaultValueFactory = _ => 3 };
        var command = new Command("send", "E-mail the approved letters of a year (HTML body, PDF attached) to each addressee and link officer")
            { year, smtp, from, authority, resend, officers, attempts };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            if (parse.GetValue(attempts) < 1) return CommonOptions.Fail("--attempts: give at least 1");
            var settings = MailConfiguration.Read(Environment.GetEnvironmentVariable, out var problem,
                parse.GetValue(smtp) is { } server ? ("--smtp", server) : null, parse.GetValue(from) is { } sender ? ("--from", sender) : null, parse.GetValue(attempts));
            if (problem is not null) return CommonOptions.Fail(problem);
            if (settings is null) return CommonOptions.Fail($"letters send: no SMTP server: give --smtp HOST:PORT or set {MailConfiguration.Server}");
            ILinkOfficerDirectory listed = new NoLinkOfficers();
            try
            {
                if (parse.GetValue(officers) is { } path) listed = CsvLinkOfficers.Load(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return CommonOptions.Fail($"--link-officers: {e.Message}");
            }
            var database = CommonOptions.OpenDatabase(parse);
            // Link officers with an account in the staff area are copied in, and any listed in --link-officers besides.
            var mail = new LetterMail(database, settings, new Upheld.Accounts.StaffLinkOfficers(database, listed), TimeProvider.System);
            MailSummary summary;
            try
            {
                summary = mail.SendYearAsync(y, parse.GetValue(resend), parse.GetValue(authority), editions: EditionCatalog.Load(parse.GetValue(LettersCommand.Editions)),
                    progress: council => Console.Error.WriteLine($"Sending {council}")).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is LetterRequestException or InvalidDataException or DirectoryNotFoundException)
            {
                return CommonOptions.Fail($"letters send: {e.Message}");
            }
            LetterMailAudit.Record(database, TimeProvider.System, CommonOptions.Actor, y, settings, summary);
            Console.WriteLine($"{y}: {summary.Sent.Count:N0} sent, {summary.AlreadySent.Count:N0} already sent, " +
                $"{summary.NotApproved.Count:N0} skipped (not approved or changed since approval), {summary.Failed.Count:N0} failed");
            foreach (var f in summary.Failed)
                Console.Error.WriteLine($"{f.AuthorityCode} {f.AuthorityName}: not sent after {f.Attempts} {(f.Attempts == 1 ? "attempt" : "attempts")}: {f.Error}");
            return summary.Failed.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
