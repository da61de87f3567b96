using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.ComplaintHandling;

/// <summary>A year's submission deadline: the last day a council's self-assessment is on time, and when reminders start.</summary>
/// <param name="ReminderDays">How many days before the deadline councils that have not submitted are reminded; null for no reminders.</param>
public sealed record SubmissionDeadline(FinancialYear Year, DateOnly Date, int? ReminderDays)
{
    /// <summary>The first day reminders are due; null without reminders.</summary>
    public DateOnly? RemindFrom => ReminderDays is { } days ? Date.AddDays(-days) : null;

    /// <summary>A self-assessment received after the deadline's day is late; one received on the day is on time.</summary>
    public bool IsLate(DateOnly receivedOn) => receivedOn > Date;
}

/// <summary>Reads the deadlines set by <see cref="SetSubmissionDeadline"/>.</summary>
public static class SubmissionDeadlines
{
    private sealed class Row
    {
        public long Year { get; set; }
        public string Deadline { get; set; } = "";
        public long? ReminderDays { get; set; }
    }

    /// <summary>The year's deadline, or null when none is set.</summary>
    public static SubmissionDeadline? For(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<Row>("SELECT year, deadline, reminder_days FROM complaint_handling_deadlines WHERE year = @year", new { year = year.StartYear }, transaction)
            .Select(ToDeadline).SingleOrDefault();

    /// <summary>Every year's deadline, newest year first.</summary>
    public static IReadOnlyList<SubmissionDeadline> All(DbConnection connection) =>
        connection.Query<Row>("SELECT year, deadline, reminder_days FROM complaint_handling_deadlines ORDER BY year DESC").Select(ToDeadline).ToList();

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SubmissionDeadline ToDeadline(Row r) => new(new FinancialYear((int)r.Year),
        DateOnly.ParseExact(r.Deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.ReminderDays is { } d ? (int)d : null);
}
