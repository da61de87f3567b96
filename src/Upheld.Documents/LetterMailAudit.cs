using System.Data.Common;
using System.Text.Json;
using Upheld.Accounts;

namespace Upheld.Documents;

/// <summary>One run of the letter sender as the audit log keeps it: the server, the councils sent to, how many were left alone, and each failure.</summary>
public sealed record MailRun(string Server, IReadOnlyList<string> Sent, int AlreadySent, int NotApproved, IReadOnlyList<MailFailure> Failed);

/// <summary>Records each run of <see cref="LetterMail"/>, from the staff area or the command line, and reads the latest back for the letters page.</summary>
public static class LetterMailAudit
{
    public const string Action = "send letters";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Entity(FinancialYear year) => $"letters {year}";

    public static void Record(DbConnection connection, DateTimeOffset at, string who, FinancialYear year, MailSettings settings, MailSummary summary) =>
        AuditLog.Record(connection, null, at, who, Action, Entity(year), null, JsonSerializer.Serialize(
            new MailRun(settings.Server, summary.Sent, summary.AlreadySent.Count, summary.NotApproved.Count, summary.Failed), Json));

    /// <summary>The year's latest run with who made it and when, or null when its letters were never sent.</summary>
    public static (AuditEntry Entry, MailRun Run)? Latest(DbConnection connection, FinancialYear year) =>
        AuditLog.LatestOf(connection, Action, Entity(year)) is { After: { } after } entry && JsonSerializer.Deserialize<MailRun>(after, Json) is { } run
            ? (entry, run)
            : null;
}
