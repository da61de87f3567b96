using System.Data.Common;
using Upheld.Accounts;
using Upheld.Letters.Mail;
using Upheld.Storage;

namespace Upheld.Documents;

/// <summary>Records each run of <see cref="LetterMail"/>, from the staff area or the command line, and reads the latest back for the letters page.</summary>
public static class LetterMailAudit
{
    /// <summary>The run as <see cref="RecordLetterSends.Run"/> keeps it: the server, the councils sent to, the counts left alone, and each failure.</summary>
    public static void Record(Database database, TimeProvider clock, Actor actor, FinancialYear year, MailSettings settings, MailSummary summary) =>
        RecordLetterSends.Run(database, year, new MailRun(settings.Server, summary.Sent, summary.AlreadySent.Count, summary.NotApproved.Count, summary.Failed), actor, clock);

    /// <summary>The year's latest run with who made it and when, or null when its letters were never sent.</summary>
    public static (AuditEntry Entry, MailRun Run)? Latest(DbConnection connection, FinancialYear year) => RecordLetterSends.Latest(connection, year);
}
