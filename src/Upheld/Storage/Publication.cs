using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.Storage;

/// <summary>Who is asking: staff see every year; the public only years whose publication time has passed.</summary>
public abstract record Audience
{
    public sealed record Staff : Audience;

    /// <summary>The public at a moment, given by the caller's clock so tests can move it.</summary>
    public sealed record Public(DateTimeOffset Now) : Audience;
}

/// <summary>When each year becomes public. A year without a publication time is unpublished.</summary>
public static class Publication
{
    /// <summary>Sets (or with null withdraws) the year's publication time, and takes its published snapshot unless it was and stays public.</summary>
    /// <remarks>See <see cref="Publishing.PublishedSnapshots"/> for the rule; <paramref name="clock"/> says what "now" is (the system's by default).</remarks>
    public static void Set(Database database, FinancialYear year, DateTimeOffset? at, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        using var connection = database.Connect();
        var wasPublic = IsVisible(connection, year, new Audience.Public(now));
        connection.Execute(
            "INSERT INTO years (year, published_at) VALUES (@year, @at) ON CONFLICT (year) DO UPDATE SET published_at = excluded.published_at",
            new { year = year.StartYear, at = at is { } t ? Format(t) : null });
        if (at is null) return;
        var isPublic = at <= now;
        if (!wasPublic || !isPublic || !Publishing.PublishedSnapshots.Exists(connection, year)) Publishing.PublishedSnapshots.Take(connection, year, now);
    }

    /// <summary>Every year that has a publication time, with that time.</summary>
    public static IReadOnlyDictionary<FinancialYear, DateTimeOffset> Schedule(DbConnection connection) =>
        connection.Query("SELECT year, published_at FROM years WHERE published_at IS NOT NULL ORDER BY year")
            .ToDictionary(r => new FinancialYear(Convert.ToInt32(r.year)), r => DateTimeOffset.Parse((string)r.published_at, CultureInfo.InvariantCulture));

    /// <summary>Whether <paramref name="audience"/> may see anything of <paramref name="year"/>.</summary>
    public static bool IsVisible(DbConnection connection, FinancialYear year, Audience audience) => audience switch
    {
        Audience.Staff => true,
        Audience.Public p => Schedule(connection).TryGetValue(year, out var at) && at <= p.Now,
        _ => false,
    };

    /// <summary>The years the public can see at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<FinancialYear> PublishedYears(DbConnection connection, DateTimeOffset now) =>
        Schedule(connection).Where(s => s.Value <= now).Select(s => s.Key).Order().ToList();

    // Stored as UTC ISO-8601 text so both engines order and compare it the same way.
    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
