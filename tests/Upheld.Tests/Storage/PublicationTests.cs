using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Tests.Storage;

public abstract class PublicationTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private static readonly DateTimeOffset PublishedAt = new(2020, 7, 29, 0, 0, 0, TimeSpan.Zero);
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    private bool VisibleTo(Audience audience)
    {
        using var connection = _store.Value.Database.Connect();
        return Publication.IsVisible(connection, Year, audience);
    }

    [SkippableFact]
    public void A_year_without_a_publication_time_is_seen_by_staff_only()
    {
        Assert.True(VisibleTo(new Audience.Staff()));
        Assert.False(VisibleTo(new Audience.Public(PublishedAt.AddYears(5))));
    }

    [SkippableFact]
    public void The_public_sees_a_year_from_its_publication_time_and_not_a_second_before()
    {
        Publication.Set(_store.Value.Database, Year, PublishedAt);

        Assert.False(VisibleTo(new Audience.Public(PublishedAt.AddSeconds(-1))));
        Assert.True(VisibleTo(new Audience.Public(PublishedAt)));
        using var connection = _store.Value.Database.Connect();
        Assert.Equal([Year], Publication.PublishedYears(connection, PublishedAt.AddDays(1)));
    }

    [SkippableFact]
    public void Publication_can_move_forward_and_be_withdrawn()
    {
        Publication.Set(_store.Value.Database, Year, PublishedAt);
        Publication.Set(_store.Value.Database, Year, PublishedAt.AddDays(10));
        Assert.False(VisibleTo(new Audience.Public(PublishedAt.AddDays(1))));

        Publication.Set(_store.Value.Database, Year, null);
        Assert.False(VisibleTo(new Audience.Public(PublishedAt.AddYears(1))));
    }

    [SkippableFact]
    public void Migrating_twice_changes_nothing()
    {
        _store.Value.Database.Migrate();
        using var connection = _store.Value.Database.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM authorities";
        Assert.Equal(365L, Convert.ToInt64(command.ExecuteScalar()));
    }
}

public sealed class SqlitePublicationTests() : PublicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicationTests() : PublicationTests(DatabaseProvider.PostgreSql);
