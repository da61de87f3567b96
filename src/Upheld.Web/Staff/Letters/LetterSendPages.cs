using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Accounts;
using Upheld.Letters;
using Upheld.Letters.Mail;
using Upheld.Documents;

namespace Upheld.Web.Staff;

/// <summary>What the letters page shows about e-mail: whether the site can send, each letter's latest send, and the year's latest run.</summary>
public sealed record LetterSending(MailSettings? Settings, string? Problem, IReadOnlyDictionary<string, LetterSend> Sends,
    AuditEntry? LastRunEntry, MailRun? LastRun, bool JustSent)
{
    public static readonly LetterSending None = new(null, null, new Dictionary<string, LetterSend>(), null, null, false);
}

/// <summary><c>POST /staff/letters/send</c>: a publisher e-mails a year's approved letters not yet sent, then sees the report on the letters page.</summary>
public static class LetterSendPages
{
    public const string Path = "/staff/letters/send";

    public static void MapLetterSending(this RouteGroupBuilder staff)
    {
        // Checked here rather than by policy so that a refused post is answered 403 at once, not redirected.
        staff.MapPost("/letters/send", async (HttpContext context, StaffMail mail) =>
        {
            if (!StaffAnswers.Person(context).IsPublisher)
                return StaffAnswers.Message(context, StatusCodes.Status403Forbidden, "You cannot send letters", "Only a publisher sends the letters.");
            var form = await context.Request.ReadFormAsync();
            if (!FinancialYear.TryParse(form["year"].ToString(), out var year)) return StaffAnswers.NotFound(context);
            if (mail.Settings is null)
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "E-mail is not set up", NotSetUp(mail.Problem));
            MailSummary? summary;
            try
            {
                summary = await mail.SendAsync(year.Value, StaffAnswers.Person(context).Actor);
            }
            catch (LetterRequestException)
            {
                return StaffAnswers.NotFound(context);
            }
            if (summary is null)
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "Letters are being sent",
                    "Another batch of letters is being sent now. When it has finished, open the letters page again to see what was sent.");
            return StaffAnswers.SeeOther($"/staff/letters?year={year.Value}&sent=true");
        }).RequireAuthorization(StaffSetup.StaffPolicy).DisableRequestTimeout();
    }

    public static LetterSending Sending(DbConnection connection, FinancialYear year, StaffMail mail, bool justSent)
    {
        var last = LetterMailAudit.Latest(connection, year);
        return new LetterSending(mail.Settings, mail.Problem, LetterSends.ForYear(connection, year), last?.Entry, last?.Run, justSent);
    }

    public static string NotSetUp(string? problem) =>
        (problem is null ? "E-mail is not set up for this site, so letters cannot be sent from here. " : $"E-mail is not set up correctly ({problem}), so letters cannot be sent from here. ") +
        $"Where the site runs, set {MailConfiguration.Server} to the SMTP server (host:port) and {MailConfiguration.From} to the sender's address, then restart it; " +
        "or send them from the command line with upheld letters send.";
}
