using System.Data.Common;
using System.Text.Json;
using Dapper;
using Upheld.Accounts;

namespace Upheld.Publishing;

/// <summary>Where a year stands on the public release calendar.</summary>
public enum ReleaseStatus { Announced, Published, Cancelled }

/// <summary>One change to an announced release date: from the date before (null: the release had been cancelled) to the date after (null: cancelled).</summary>
public sealed record ReleaseDateChange(DateTimeOffset? From, DateTimeOffset? To, string? Reason, DateTimeOffset On);

/// <summary>A year on the public calendar: its release date, where it stands, when the date was first announced and every change since.</summary>
/// <param name="PublishAt">The announced date; for a published year, when it became public; for a cancelled one, the date it had when cancelled.</param>
/// <param name="AnnouncedOn">When the date first went on the calendar; null for a year published without being announced.</param>
public sealed record Release(FinancialYear Year, DateTimeOffset PublishAt, ReleaseStatus Status, DateTimeOffset? AnnouncedOn, IReadOnlyList<ReleaseDateChange> Changes);

/// <summary>What a publication change asks of the calendar: put the date on it, and why the date moved or was cancelled.</summary>
/// <param name="Announce">Put the year's date on the public calendar (an announced date then follows every later time set, or a withdrawal).</param>
/// <param name="Reason">Why an announced date moves or is cancelled; kept in the calendar's history.</param>
/// <param name="ReasonRequired">The staff form's rule: moving or cancelling an announced date without a reason is refused (<see cref="ReleaseReasonMissing"/>), changing nothing.</param>
public sealed record ReleaseNote(bool Announce, string? Reason = null, bool ReasonRequired = false);

/// <summary>What setting a publication did to the calendar.</summary>
public enum CalendarChange { None, Announced, Moved, Cancelled }

/// <summary>An announced release date would move or be cancelled, and its caller requires a reason it was not given.</summary>
public sealed class ReleaseReasonMissing(FinancialYear year, bool cancelling)
    : InvalidOperationException(cancelling
        ? $"The release of {year} is on the public calendar: give the reason for cancelling it"
        : $"The release of {year} is on the public calendar: give the reason for moving its date")
{
    public FinancialYear Year { get; } = year;
}

/// <summary>
/// The public release calendar (docs/staff-guide.md, "The release calendar"): announced release dates, past releases
/// (every published year) and cancelled ones, each with the history of its date. Only the year and the date of a year
/// not yet public are ever shown. Written only by <see cref="SetPublication"/>, in its change's transaction.
/// </summary>
public sealed class ReleaseCalendar
{
    private sealed class Announcement
    {
        public long Year { get; set; }
        public string PublishAt { get; set; } = "";
        public string AnnouncedOn { get; set; } = "";
        public string? CancelledOn { get; set; }
    }

    private sealed class ChangeRow
    {
        public long Year { get; set; }
        public long Number { get; set; }
        public string? FromAt { get; set; }
        public string? ToAt { get; set; }
        public string? Reason { get; set; }
        public string ChangedOn { get; set; } = "";
    }

    private readonly IReadOnlyDictionary<FinancialYear, DateTimeOffset> _schedule;
    private readonly IReadOnlyList<Announcement> _announcements;
    private readonly ILookup<long, ChangeRow> _changes;

    private ReleaseCalendar(IReadOnlyDictionary<FinancialYear, DateTimeOffset> schedule, IReadOnlyList<Announcement> announcements, ILookup<long, ChangeRow> changes) =>
        (_schedule, _announcements, _changes) = (schedule, announcements, changes);

    /// <summary>Everything the calendar is made from; <see cref="At"/> says what it shows at a moment, so one reading serves until the data changes.</summary>
    public static ReleaseCalendar Load(DbConnection connection, DbTransaction? transaction = null) => new(
        Publication.Schedule(connection, transaction),
        connection.Query<Announcement>("SELECT year, publish_at AS PublishAt, announced_on AS AnnouncedOn, cancelled_on AS CancelledOn FROM release_announcements", transaction: transaction).ToList(),
        connection.Query<ChangeRow>("SELECT year, number, from_at AS FromAt, to_at AS ToAt, reason, changed_on AS ChangedOn FROM release_date_changes ORDER BY year, number", transaction: transaction)
            .ToLookup(c => c.Year));

    /// <summary>The calendar as the public sees it at <paramref name="now"/>: announced, published and cancelled releases, newest year first.</summary>
    /// <remarks>A year with a publication time still to come that was never announced (or whose announcement was cancelled) shows nothing of that time.</remarks>
    public IReadOnlyList<Release> At(DateTimeOffset now)
    {
        var releases = new Dictionary<FinancialYear, Release>();
        foreach (var a in _announcements)
        {
            var year = new FinancialYear((int)a.Year);
            var changes = _changes[a.Year].Select(c => new ReleaseDateChange(Time(c.FromAt), Time(c.ToAt), c.Reason, PublishedSnapshots.Parse(c.ChangedOn))).ToList();
            var status = a.CancelledOn is null ? ReleaseStatus.Announced : ReleaseStatus.Cancelled;
            releases[year] = new Release(year, PublishedSnapshots.Parse(a.PublishAt), status, PublishedSnapshots.Parse(a.AnnouncedOn), changes);
        }
        foreach (var (year, at) in _schedule.Where(s => s.Value <= now))
            releases[year] = releases.TryGetValue(year, out var announced)
                ? announced with { PublishAt = at, Status = ReleaseStatus.Published }
                : new Release(year, at, ReleaseStatus.Published, null, []);
        return releases.Values.OrderByDescending(r => r.Year).ToList();
    }

    private static DateTimeOffset? Time(string? text) => text is null ? null : PublishedSnapshots.Parse(text);

    /// <summary>
    /// Keeps the calendar in step with a publication time just set (<paramref name="at"/>; null withdraws): an announced date
    /// follows it, moving or being cancelled with the change kept; <paramref name="note"/> may announce the date.
    /// </summary>
    internal static CalendarChange Follow(Change change, FinancialYear year, DateTimeOffset? at, ReleaseNote? note)
    {
        var (connection, transaction) = (change.Connection, change.Transaction);
        var announcement = connection.QuerySingleOrDefault<Announcement>(
            "SELECT year, publish_at AS PublishAt, announced_on AS AnnouncedOn, cancelled_on AS CancelledOn FROM release_announcements WHERE year = @year",
            new { year = year.StartYear }, transaction);
        var announced = announcement is { CancelledOn: null };
        DateTimeOffset? date = announcement is null ? null : PublishedSnapshots.Parse(announcement.PublishAt);
        var reason = string.IsNullOrWhiteSpace(note?.Reason) ? null : note.Reason.Trim();
        var p = new { year = year.StartYear, now = PublishedSnapshots.Stamp(change.Now), at = at is { } t ? PublishedSnapshots.Stamp(t) : null, reason };

        if (at is null)
        {
            if (!announced) return CalendarChange.None;
            if (note is { ReasonRequired: true } && reason is null) throw new ReleaseReasonMissing(year, cancelling: true);
            connection.Execute("UPDATE release_announcements SET cancelled_on = @now WHERE year = @year", p, transaction);
            Record(change, year, date, null, reason, "cancel release");
            return CalendarChange.Cancelled;
        }
        if (announced)
        {
            if (announcement!.PublishAt == p.at) return CalendarChange.None;
            if (note is { ReasonRequired: true } && reason is null) throw new ReleaseReasonMissing(year, cancelling: false);
            connection.Execute("UPDATE release_announcements SET publish_at = @at WHERE year = @year", p, transaction);
            Record(change, year, date, at, reason, "move release date");
            return CalendarChange.Moved;
        }
        if (note is not { Announce: true }) return CalendarChange.None;
        if (announcement is null)
        {
            connection.Execute("INSERT INTO release_announcements (year, publish_at, announced_on) VALUES (@year, @at, @now)", p, transaction);
            change.Audit("announce release", $"year {year}", null, Json(at, "announced", null));
            return CalendarChange.Announced;
        }
        // Cancelled before and announced again: a change of the calendar like a move, so it carries its reason too.
        if (note is { ReasonRequired: true } && reason is null) throw new ReleaseReasonMissing(year, cancelling: false);
        connection.Execute("UPDATE release_announcements SET publish_at = @at, cancelled_on = NULL WHERE year = @year", p, transaction);
        Record(change, year, null, at, reason, "announce release again");
        return CalendarChange.Announced;
    }

    private static void Record(Change change, FinancialYear year, DateTimeOffset? from, DateTimeOffset? to, string? reason, string action)
    {
        var number = change.Connection.ExecuteScalar<long>("SELECT COALESCE(MAX(number), 0) + 1 FROM release_date_changes WHERE year = @year",
            new { year = year.StartYear }, change.Transaction);
        change.Connection.Execute(
            "INSERT INTO release_date_changes (year, number, from_at, to_at, reason, changed_on) VALUES (@year, @number, @from, @to, @reason, @on)",
            new
            {
                year = year.StartYear, number, reason, on = PublishedSnapshots.Stamp(change.Now),
                from = from is { } f ? PublishedSnapshots.Stamp(f) : null, to = to is { } t ? PublishedSnapshots.Stamp(t) : null,
            }, change.Transaction);
        change.Audit(action, $"year {year}", Json(from, from is null ? "cancelled" : "announced", null), Json(to, to is null ? "cancelled" : "announced", reason));
    }

    private static string Json(DateTimeOffset? at, string status, string? reason) =>
        JsonSerializer.Serialize(new { publish_at = at is { } t ? StoredTime.Format(t) : null, status, reason });
}
