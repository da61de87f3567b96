using Microsoft.Extensions.Configuration;
using Upheld.Accounts;
using Upheld.Letters.Mail;
using Upheld.Storage;
using Upheld.Documents;

namespace Upheld.Web.Staff;

/// <summary>Letters sent from the staff area: the SMTP settings the site was given (<see cref="MailConfiguration"/>), and one batch at a time.</summary>
/// <remarks>
/// The sending is <see cref="LetterMail"/>'s, as for <c>upheld letters send</c>: only approved letters not yet sent with their
/// approved content, each failed send tried its set number of times, every outcome recorded in letter_sends; the run goes in the audit log.
/// </remarks>
public sealed class StaffMail
{
    private readonly SemaphoreSlim _oneBatch = new(1, 1);
    private readonly Database _database;
    private readonly TimeProvider _clock;

    public StaffMail(IConfiguration configuration, Database database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        Settings = MailConfiguration.Read(name => configuration[name], out var problem);
        Problem = problem;
    }

    /// <summary>Where letters are sent from; null when the site has no SMTP server, or a setting it cannot use (<see cref="Problem"/>).</summary>
    public MailSettings? Settings { get; }

    /// <summary>Why a setting the site was given cannot be used, naming it.</summary>
    public string? Problem { get; }

    private readonly SemaphoreSlim _oneReminderRun = new(1, 1);

    /// <summary>Sends the year's due complaint-handling reminders and records the run; null when another run is under way.</summary>
    /// <remarks>The same sender and records as <c>upheld complaint-handling remind</c>: a council is reminded once, by its link officers' staff-area addresses.</remarks>
    public async Task<ReminderSummary?> RemindAsync(FinancialYear year, Upheld.Accounts.Actor who)
    {
        var settings = Settings ?? throw new InvalidOperationException("no SMTP server is set up");
        if (!await _oneReminderRun.WaitAsync(TimeSpan.Zero)) return null;
        try
        {
            var summary = await new ReminderMail(_database, settings, new StaffLinkOfficers(_database), _clock).SendYearAsync(year)
                ?? ReminderSummary.NothingDue($"{year} has no submission deadline");
            if (summary.NotDue is null) ReminderMail.Audit(_database, _clock, who, year, settings, summary);
            return summary;
        }
        finally
        {
            _oneReminderRun.Release();
        }
    }

    /// <summary>Sends the year's approved letters not yet sent and records the run; null when another batch is being sent now.</summary>
    public async Task<MailSummary?> SendAsync(FinancialYear year, Upheld.Accounts.Actor who)
    {
        var settings = Settings ?? throw new InvalidOperationException("no SMTP server is set up");
        if (!await _oneBatch.WaitAsync(TimeSpan.Zero)) return null;
        try
        {
            // Link officers with an account in the staff area are copied in.
            var mail = new LetterMail(_database, settings, new StaffLinkOfficers(_database), _clock);
            var summary = await mail.SendYearAsync(year, editions: LetterDesk.Editions);
            LetterMailAudit.Record(_database, _clock, who, year, settings, summary);
            return summary;
        }
        finally
        {
            _oneBatch.Release();
        }
    }
}
