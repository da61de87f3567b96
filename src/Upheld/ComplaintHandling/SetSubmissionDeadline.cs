using System.Globalization;
using System.Text.Json;
using Dapper;
using Upheld.Accounts;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.ComplaintHandling;

/// <summary>What setting a deadline did: the deadline before and after, or the problems that stopped it (nothing changed).</summary>
/// <param name="Problems">Field (<c>date</c> or <c>reminder_days</c>) and message, in the order found.</param>
public sealed record DeadlineResult(SubmissionDeadline? Before, SubmissionDeadline? After, IReadOnlyList<(string Field, string Message)> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Sets a year's submission deadline and when reminders start: <c>upheld complaint-handling deadline</c> and the staff submissions page.</summary>
/// <remarks>
/// The deadline decides which self-assessments are late, and so the letters' complaint-handling paragraphs: it is a change
/// to the year's data, and the snapshot follows it in the same transaction. The rules (docs/staff-guide.md): a date written
/// YYYY-MM-DD, after the year ends, and before the year's publication time when one is set, as a submission after
/// publication could no longer be in the figures published; reminder days a whole number from 1 to 90, or none.
/// </remarks>
public static class SetSubmissionDeadline
{
    public const int MostReminderDays = 90;

    /// <param name="date">The deadline as typed, YYYY-MM-DD.</param>
    /// <param name="reminderDays">Days before the deadline that reminders start, as typed; empty for no reminders.</param>
    /// <param name="note">Why, for a deadline that changes which self-assessments of a published year are late (a new version of its figures).</param>
    /// <exception cref="RevisionReasonMissing">The change revises a published year and <paramref name="note"/> requires a reason it lacks; nothing is changed.</exception>
    public static DeadlineResult Run(Database database, FinancialYear year, string? date, string? reminderDays, Actor actor, TimeProvider clock, RevisionNote? note = null)
    {
        using var change = Change.Begin(database, actor, clock);
        change.Note = note;
        var before = SubmissionDeadlines.For(change.Connection, year, change.Transaction);
        var problems = new List<(string, string)>();
        DateOnly deadline = default;
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out deadline))
            problems.Add(("date", $"'{date?.Trim()}' is not a date written YYYY-MM-DD"));
        else if (deadline <= year.LastDay)
            problems.Add(("date", $"the deadline must fall after {year} ends on {LetterDate(year.LastDay)}: the year's figures are complete only then"));
        else if (Publication.Schedule(change.Connection, change.Transaction).TryGetValue(year, out var publishedAt)
                 && deadline >= DateOnly.FromDateTime(publishedAt.UtcDateTime))
            problems.Add(("date", $"the deadline must fall before {year}'s publication time, {publishedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: " +
                $"choose {LetterDate(DateOnly.FromDateTime(publishedAt.UtcDateTime).AddDays(-1))} or earlier"));
        int? days = null;
        if (!string.IsNullOrWhiteSpace(reminderDays))
        {
            if (int.TryParse(reminderDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= MostReminderDays) days = parsed;
            else problems.Add(("reminder_days", $"'{reminderDays.Trim()}' is not a whole number of days from 1 to {MostReminderDays}; leave it empty for no reminders"));
        }
        if (problems.Count > 0) return new DeadlineResult(before, before, problems);

        var after = new SubmissionDeadline(year, deadline, days);
        if (after == before) return new DeadlineResult(before, after, []);
        change.Connection.Execute(
            """
            INSERT INTO complaint_handling_deadlines (year, deadline, reminder_days) VALUES (@year, @deadline, @days)
            ON CONFLICT (year) DO UPDATE SET deadline = excluded.deadline, reminder_days = excluded.reminder_days
            """, new { year = year.StartYear, deadline = SubmissionDeadlines.Iso(deadline), days }, change.Transaction);
        change.Audit("set complaint-handling deadline", Entity(year), Json(before), Json(after));
        change.DataChanged(year);
        change.Commit();
        return new DeadlineResult(before, after, []);
    }

    /// <summary>How the audit log names a year's complaint-handling exchange.</summary>
    public static string Entity(FinancialYear year) => $"complaint handling {year}";

    /// <summary>Writes a deadline without an audit entry, for the demonstration's seeded history and tests.</summary>
    internal static void Write(Database database, SubmissionDeadline deadline)
    {
        using var change = Change.Begin(database, actor: null, TimeProvider.System);
        change.Connection.Execute(
            "INSERT INTO complaint_handling_deadlines (year, deadline, reminder_days) VALUES (@year, @deadline, @days)",
            new { year = deadline.Year.StartYear, deadline = SubmissionDeadlines.Iso(deadline.Date), days = deadline.ReminderDays }, change.Transaction);
        change.Commit();
    }

    private static string? Json(SubmissionDeadline? d) =>
        d is null ? null : JsonSerializer.Serialize(new { deadline = SubmissionDeadlines.Iso(d.Date), reminder_days = d.ReminderDays });

    private static string LetterDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
