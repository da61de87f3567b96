using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Upheld.Accounts;
using Upheld.Authorities;
using Upheld.Letters.Mail;
using Upheld.Storage;

namespace Upheld.ComplaintHandling;

/// <summary>A council to remind, and its link officers' addresses.</summary>
public sealed record ReminderTarget(string Code, string Name, IReadOnlyList<string> Recipients);

/// <summary>The reminders of a year as they stand today: whether they are due, and to whom.</summary>
/// <param name="Targets">Councils that have not submitted, have link officers, and were not yet reminded.</param>
/// <param name="AlreadyReminded">Councils that have not submitted and were reminded before.</param>
/// <param name="WithoutLinkOfficer">Councils that have not submitted and have no link officer to remind.</param>
public sealed record ReminderPlan(SubmissionDeadline Deadline, DateOnly Today, IReadOnlyList<ReminderTarget> Targets, IReadOnlyList<string> AlreadyReminded,
    IReadOnlyList<string> WithoutLinkOfficer)
{
    /// <summary>True from the chosen number of days before the deadline to the deadline itself.</summary>
    public bool IsDue => Deadline.RemindFrom is { } from && Today >= from && Today <= Deadline.Date;

    /// <summary>Why nothing is sent today, or null when reminders are due.</summary>
    public string? NotDue => Deadline.RemindFrom is not { } from
        ? $"no reminders are set for {Deadline.Year}: give the number of days before the deadline they go"
        : Today < from ? $"reminders for {Deadline.Year} are due from {Iso(from)}, {Deadline.ReminderDays} days before the deadline of {Iso(Deadline.Date)}"
        : Today > Deadline.Date ? $"the deadline for {Deadline.Year}, {Iso(Deadline.Date)}, has passed: reminders are no longer sent"
        : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One reminder's sending: to whom, when it went (null while it has not), the attempts and the last error.</summary>
public sealed record ReminderSend(string Code, FinancialYear Year, IReadOnlyList<string> Recipients, DateTimeOffset? SentAt, int Attempts, string? LastError,
    DateTimeOffset LastAttemptAt);

/// <summary>A reminder that could not be sent after every attempt, and why.</summary>
public sealed record ReminderFailure(string Code, string Name, int Attempts, string Error);

/// <summary>One run of the reminders as the audit log keeps it: the server, the councils reminded, those without a link officer, and each failure.</summary>
public sealed record ReminderRun(string Server, IReadOnlyList<string> Sent, IReadOnlyList<string> WithoutLinkOfficer, IReadOnlyList<ReminderFailure> Failed);

/// <summary>
/// Reminders to the link officers of councils that have not submitted, from a chosen number of days before the deadline to
/// the deadline itself: <c>upheld complaint-handling remind</c> (run daily) and the staff submissions page's button.
/// </summary>
/// <remarks>
/// A council is reminded once a year: a reminder sent is recorded the moment it is known, so a run that dies half way sends
/// only the rest next time, and a failed one is tried again by the next run. The run's audit entry follows at the end.
/// Reminders change no figure, so no snapshot is involved.
/// </remarks>
public static class SubmissionReminders
{
    public const string Action = "send complaint-handling reminders";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The year's reminders as they stand on <paramref name="today"/>; null when the year has no deadline.</summary>
    public static ReminderPlan? Plan(DbConnection connection, FinancialYear year, DateOnly today, ILinkOfficerDirectory linkOfficers)
    {
        if (SubmissionDeadlines.For(connection, year) is not { } deadline) return null;
        var p = new { year = year.StartYear };
        var submitted = connection.Query<string>(
            "SELECT authority_code FROM complaint_returns WHERE year = @year UNION SELECT authority_code FROM code_self_assessments WHERE year = @year", p)
            .ToHashSet(StringComparer.Ordinal);
        var reminded = connection.Query<string>("SELECT authority_code FROM complaint_handling_reminders WHERE year = @year AND sent_at IS NOT NULL", p)
            .ToHashSet(StringComparer.Ordinal);
        var waiting = AuthorityStore.All(connection).Where(a => a.ExistsIn(year) && !submitted.Contains(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var targets = new List<ReminderTarget>();
        List<string> already = [], without = [];
        foreach (var council in waiting)
        {
            if (reminded.Contains(council.Code)) { already.Add(council.Code); continue; }
            var recipients = linkOfficers.For(council.Code);
            if (recipients.Count == 0) without.Add(council.Code);
            else targets.Add(new ReminderTarget(council.Code, council.Name, recipients));
        }
        return new ReminderPlan(deadline, today, targets, already, without);
    }

    /// <summary>Every reminder of the year sent or tried, by council code.</summary>
    public static IReadOnlyDictionary<string, ReminderSend> ForYear(DbConnection connection, FinancialYear year) =>
        connection.Query<Row>("SELECT authority_code, recipients, sent_at, attempts, last_error, last_attempt_at FROM complaint_handling_reminders WHERE year = @year",
                new { year = year.StartYear })
            .ToDictionary(r => r.AuthorityCode, r => new ReminderSend(r.AuthorityCode, year, r.Recipients.Split(", ", StringSplitOptions.RemoveEmptyEntries),
                r.SentAt is null ? null : StoredTime.Parse(r.SentAt), (int)r.Attempts, r.LastError, StoredTime.Parse(r.LastAttemptAt)), StringComparer.Ordinal);

    /// <summary>Records what happened to one council's reminder, on its own, the moment it is known.</summary>
    public static void Record(DbConnection connection, ReminderSend send) =>
        connection.Execute(
            """
            INSERT INTO complaint_handling_reminders (year, authority_code, recipients, sent_at, attempts, last_error, last_attempt_at)
            VALUES (@year, @code, @recipients, @sentAt, @attempts, @error, @lastAttempt)
            ON CONFLICT (year, authority_code) DO UPDATE SET recipients = excluded.recipients, sent_at = excluded.sent_at,
                attempts = excluded.attempts, last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at
            """,
            new
            {
                year = send.Year.StartYear, code = send.Code, recipients = string.Join(", ", send.Recipients),
                sentAt = send.SentAt is { } at ? StoredTime.Format(at) : null, attempts = send.Attempts, error = send.LastError,
                lastAttempt = StoredTime.Format(send.LastAttemptAt),
            });

    /// <summary>The run's audit entry: who sent the year's reminders, through which server, and what became of them.</summary>
    public static void Run(Database database, FinancialYear year, ReminderRun run, Actor actor, TimeProvider clock)
    {
        using var change = Change.Begin(database, actor, clock);
        change.Audit(Action, SetSubmissionDeadline.Entity(year), null, JsonSerializer.Serialize(run, Json));
        change.Commit();
    }

    /// <summary>The year's latest run with who made it and when, or null when no reminders were ever sent.</summary>
    public static (AuditEntry Entry, ReminderRun Run)? Latest(DbConnection connection, FinancialYear year) =>
        AuditLog.LatestOf(connection, Action, SetSubmissionDeadline.Entity(year)) is { After: { } after } entry
        && JsonSerializer.Deserialize<ReminderRun>(after, Json) is { } run
            ? (entry, run)
            : null;

    private sealed class Row
    {
        public string AuthorityCode { get; set; } = "";
        public string Recipients { get; set; } = "";
        public string? SentAt { get; set; }
        public long Attempts { get; set; }
        public string? LastError { get; set; }
        public string LastAttemptAt { get; set; } = "";
    }
}
