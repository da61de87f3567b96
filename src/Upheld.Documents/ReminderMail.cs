using System.Globalization;
using MimeKit;
using Upheld.Accounts;
using Upheld.ComplaintHandling;
using Upheld.Letters.Mail;
using Upheld.Storage;

namespace Upheld.Documents;

/// <summary>What a reminder run did: councils reminded, reminded before, without a link officer, failed; or why none were due.</summary>
public sealed record ReminderSummary(IReadOnlyList<string> Sent, IReadOnlyList<string> AlreadyReminded, IReadOnlyList<string> WithoutLinkOfficer,
    IReadOnlyList<ReminderFailure> Failed, string? NotDue)
{
    public static ReminderSummary NothingDue(string reason) => new([], [], [], [], reason);
}

/// <summary>
/// E-mails the reminders of <see cref="SubmissionReminders"/> through the mail settings letters use (<see cref="MailConfiguration"/>):
/// to the link officers of each council that has not submitted, once, when reminders are due.
/// </summary>
/// <remarks>
/// Each reminder is tried <see cref="MailSettings.Attempts"/> times as a letter is, and recorded as soon as its fate is known;
/// after <see cref="MailSettings.StopAfterFailuresInARow"/> in a row fail at the server the rest are not tried, and the next run
/// tries them again.
/// </remarks>
public sealed class ReminderMail(Database database, MailSettings settings, ILinkOfficerDirectory linkOfficers, TimeProvider clock)
{
    /// <summary>Sends the year's due reminders; null when the year has no deadline.</summary>
    public async Task<ReminderSummary?> SendYearAsync(FinancialYear year)
    {
        using var connection = database.Connect();
        var plan = SubmissionReminders.Plan(connection, year, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), linkOfficers);
        if (plan is null) return null;
        if (plan.NotDue is { } reason) return ReminderSummary.NothingDue(reason);
        List<string> sent = [];
        var failed = new List<ReminderFailure>();
        var failuresInARow = 0;
        string? lastError = null;
        foreach (var target in plan.Targets)
        {
            var (attempts, error) = failuresInARow >= settings.StopAfterFailuresInARow
                ? (0, $"not tried after {failuresInARow} reminders in a row failed at the server ({lastError}); send again once it answers")
                : await TrySendAsync(Message(target, plan.Deadline));
            if (attempts > 0)
            {
                failuresInARow = error is null ? 0 : failuresInARow + 1;
                lastError = error ?? lastError;
            }
            var now = clock.GetUtcNow();
            SubmissionReminders.Record(connection, new ReminderSend(target.Code, year, target.Recipients, error is null ? now : null, attempts, error, now));
            if (error is null) sent.Add(target.Code);
            else failed.Add(new ReminderFailure(target.Code, target.Name, attempts, error));
        }
        return new ReminderSummary(sent, plan.AlreadyReminded, plan.WithoutLinkOfficer, failed, null);
    }

    /// <summary>The run's audit entry, for the staff area and the command line alike; none for a run that sent and tried nothing (a daily run after every council was reminded).</summary>
    public static void Audit(Database database, TimeProvider clock, Actor actor, FinancialYear year, MailSettings settings, ReminderSummary summary)
    {
        if (summary.Sent.Count + summary.Failed.Count == 0) return;
        SubmissionReminders.Run(database, year, new ReminderRun(settings.Server, summary.Sent, summary.WithoutLinkOfficer, summary.Failed), actor, clock);
    }

    private async Task<(int Attempts, string? Error)> TrySendAsync(MimeMessage? message) =>
        message is null ? (0, "a link officer's address is not an e-mail address") : await LetterMail.SendWithRetriesAsync(settings, message);

    private MimeMessage? Message(ReminderTarget target, SubmissionDeadline deadline)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var recipient in target.Recipients)
        {
            if (!MailboxAddress.TryParse(recipient, out var address)) return null;
            message.To.Add(address);
        }
        var year = deadline.Year;
        var by = deadline.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        message.Subject = $"Complaint handling {year}: {target.Name}'s submission is due by {by}";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                    We have not yet received {target.Name}'s complaint handling figures and self-assessment against the Complaint Handling Code for {year}.

                    The deadline is {by}. As the council's link officer, sign in to the ombudsman's staff area and open "Complaint handling {year}" on its start page: give the stage 1 and stage 2 figures, answer each section of the self-assessment, and link the council's published annual complaints report and governance response. You can also upload the two CSV files instead.

                    If the council has sent them since this message was written, there is nothing more to do.

                    Upheld, for the ombudsman's staff
                    """,
        };
        return message;
    }
}
