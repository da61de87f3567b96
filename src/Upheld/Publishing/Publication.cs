using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.Publishing;

/// <summary>Who is asking: staff see every year; the public only years whose publication time has passed.</summary>
public abstract record Audience
{
    public sealed record Staff : Audience;

    /// <summary>The public at a moment, given by the caller's clock so tests can move it.</summary>
    public sealed record Public(DateTimeOffset Now) : Audience;
}

/// <summary>When each year becomes public. A year without a publication time is unpublished.</summary>
/// <remarks>Publication times are set or withdrawn through <see cref="SetPublication"/>, which audits the change and keeps the snapshot.</remarks>
public static class Publication
{
    /// <summary>Sets (or with null withdraws) the year's publication time without an audit entry, for tests and the demonstration's seeding.</summary>
    internal static void Set(Storage.Database database, FinancialYear year, DateTimeOffset? at, TimeProvider? clock = null, ReleaseNote? release = null)
    {
        using var change = Change.Begin(database, actor: null, clock ?? TimeProvider.System);
        SetPublication.Write(change, year, at, release);
        change.Commit();
    }

    /// <summary>Every year that has a publication time, with that time.</summary>
    public static IReadOnlyDictionary<FinancialYear, DateTimeOffset> Schedule(DbConnection connection, DbTransaction? transaction = null) =>
        connection.Query("SELECT year, published_at FROM years WHERE published_at IS NOT NULL ORDER BY year", transaction: transaction)
            .ToDictionary(r => new FinancialYear(Convert.ToInt32(r.year)), r => DateTimeOffset.Parse((string)r.published_at, CultureInfo.InvariantCulture));

    /// <summary>Whether <paramref name="audience"/> may see anything of <paramref name="year"/>.</summary>
    public static bool IsVisible(DbConnection connection, FinancialYear year, Audience audience, DbTransaction? transaction = null) => audience switch
    {
        Audience.Staff => true,
        Audience.Public p => Schedule(connection, transaction).TryGetValue(year, out var at) && at <= p.Now,
        _ => false,
    };

    /// <summary>The years the public can see at <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<FinancialYear> PublishedYears(DbConnection connection, DateTimeOffset now) =>
        Schedule(connection).Where(s => s.Value <= now).Select(s => s.Key).Order().ToList();

    // Stored as UTC ISO-8601 text so both engines order and compare it the same way.
    internal static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
