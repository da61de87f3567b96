using System.Data.Common;
using System.Text.Json;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Letters.Mail;

/// <summary>A letter that could not be sent after every attempt, and why.</summary>
public sealed record MailFailure(string AuthorityCode, string AuthorityName, int Attempts, string Error);

/// <summary>One run of the letter sender as the audit log keeps it: the server, the councils sent to, how many were left alone, and each failure.</summary>
public sealed record MailRun(string Server, IReadOnlyList<string> Sent, int AlreadySent, int NotApproved, IReadOnlyList<MailFailure> Failed);

/// <summary>Records the e-mailing of a year's letters, from <c>upheld letters send</c> and the staff letters page alike: each letter's send, then the run.</summary>
/// <remarks>
/// Each letter's send (or failure) is recorded the moment it is known, on its own, so a run that dies half way still
/// knows which councils have their letter and sends only the rest next time. The run's audit entry follows at the end.
/// Sending changes no published figure or letter, so no snapshot is involved.
/// </remarks>
public static class RecordLetterSends
{
    public const string Action = "send letters";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Entity(FinancialYear year) => $"letters {year}";

    /// <summary>Records what happened to one letter, replacing an earlier record of the same content.</summary>
    public static void Letter(DbConnection connection, LetterSend send) => LetterSends.Record(connection, send);

    /// <summary>The run's audit entry: who sent the year's letters, through which server, and what became of them.</summary>
    public static void Run(Database database, FinancialYear year, MailRun run, Actor actor, TimeProvider clock)
    {
        using var change = Change.Begin(database, actor, clock);
        change.Audit(Action, Entity(year), null, JsonSerializer.Serialize(run, Json));
        change.Commit();
    }

    /// <summary>The year's latest run with who made it and when, or null when its letters were never sent.</summary>
    public static (AuditEntry Entry, MailRun Run)? Latest(DbConnection connection, FinancialYear year) =>
        AuditLog.LatestOf(connection, Action, Entity(year)) is { After: { } after } entry && JsonSerializer.Deserialize<MailRun>(after, Json) is { } run
            ? (entry, run)
            : null;
}
