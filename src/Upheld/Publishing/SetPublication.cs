using Dapper;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Publishing;

/// <summary>What setting a publication time did: the time before and after (null when unpublished), and what it did to the release calendar.</summary>
public sealed record PublicationSet(FinancialYear Year, DateTimeOffset? Before, DateTimeOffset? After, CalendarChange Calendar = CalendarChange.None);

/// <summary>Sets when a year becomes public (a past or future time, or now), or withdraws it: <c>upheld publish</c> and <c>/staff/publication</c>.</summary>
/// <remarks>
/// The time, its audit entry, the release calendar (see <see cref="ReleaseCalendar"/>) and the year's published snapshot commit together. The snapshot is taken unless the year
/// was and stays public (see <see cref="PublishedSnapshots"/> for the rule); withdrawing leaves it, hidden.
/// </remarks>
public static class SetPublication
{
    /// <param name="at">When the year becomes public; null withdraws it. "Now" is the caller's to read from <paramref name="clock"/>.</param>
    /// <param name="release">Whether to put the date on the public release calendar, and why an announced date moves or is cancelled.
    /// Without it an announced date still follows the new time (recorded without a reason); an unannounced year stays off the calendar.</param>
    public static PublicationSet Run(Database database, FinancialYear year, DateTimeOffset? at, Actor actor, TimeProvider clock, ReleaseNote? release = null)
    {
        using var change = Change.Begin(database, actor, clock);
        var result = Write(change, year, at, release);
        Audits.PublicationTime(change, year, result.Before, result.After);
        change.Commit();
        return result;
    }

    internal static PublicationSet Write(Change change, FinancialYear year, DateTimeOffset? at, ReleaseNote? release = null)
    {
        var (connection, transaction) = (change.Connection, change.Transaction);
        DateTimeOffset? before = Publication.Schedule(connection, transaction).TryGetValue(year, out var was) ? was : null;
        var wasPublic = before is { } b && b <= change.Now;
        connection.Execute(
            "INSERT INTO years (year, published_at) VALUES (@year, @at) ON CONFLICT (year) DO UPDATE SET published_at = excluded.published_at",
            new { year = year.StartYear, at = at is { } t ? Publication.Format(t) : null }, transaction);
        if (at is { } after)
        {
            var isPublic = after <= change.Now;
            // Moved from public to a time still to come: the public saw a publication that is now withdrawn.
            if (wasPublic && !isPublic) YearVersions.Withdraw(connection, transaction, year, change.Now);
            if (!wasPublic || !isPublic || !PublishedSnapshots.Exists(connection, transaction, year))
                PublishedSnapshots.Take(connection, transaction, year, change.Now);
            YearVersions.EnsurePublication(connection, transaction, year, after, change.Now);
        }
        else if (wasPublic) YearVersions.Withdraw(connection, transaction, year, change.Now);
        else YearVersions.DropPendingPublication(connection, transaction, year, change.Now);
        var calendar = ReleaseCalendar.Follow(change, year, at, release);
        return new PublicationSet(year, before, at, calendar);
    }
}
