using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;

namespace Upheld.Tests.Publishing;

/// <summary>The snapshot rule on both engines: changes before publication retake it, changes after are revisions.</summary>
public abstract class PublishedSnapshotsTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private static readonly DateTimeOffset PublishedAt = new(2020, 7, 29, 9, 30, 0, TimeSpan.Zero);
    private const string Rutland = "E06000017";
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    /// <summary>Rutland's one upheld decision (100% of 1) gains a not-upheld decision each time: 50%, then 33%.</summary>
    private void ImportNotUpheldForRutland(int number, DateTimeOffset at)
    {
        using var folder = new ImportFolder().With("decisions.csv",
            "case_ref,authority_code,decision_date,outcome", $"CORRECTION-{number},{Rutland},2019-06-0{number},not_upheld");
        Assert.True(new Importer(Database, new TestClock(at)).Import(folder.Path).Succeeded);
    }

    private PublishedRecord RutlandAsPublished()
    {
        using var connection = Database.Connect();
        return PublishedFigures.ForYear(connection, Year)[Rutland];
    }

    private string RutlandNow()
    {
        using var connection = Database.Connect();
        return PublishedSnapshots.CurrentRecords(connection, Year)[Rutland];
    }

    private void ImportLetterCases()
    {
        using var folder = new ImportFolder().AsCases();
        Assert.True(new Importer(Database).Import(folder.Path).Succeeded);
    }

    [SkippableFact]
    public void Changes_before_the_publication_time_retake_the_snapshot_and_are_not_revisions()
    {
        ImportLetterCases();
        Publication.Set(Database, Year, PublishedAt, new TestClock(PublishedAt.AddDays(-10)));
        Assert.Contains("\"uphold_pct\":\"100%\"", RutlandAsPublished().RecordJson);

        ImportNotUpheldForRutland(1, PublishedAt.AddDays(-5));

        var published = RutlandAsPublished();
        Assert.Contains("\"uphold_pct\":\"50%\"", published.RecordJson);
        Assert.Equal(PublishedAt.AddDays(-5), published.TakenAt);
        Assert.Null(published.RevisedAt);
        Assert.False(published.IsRevised(RutlandNow()));
    }

    [SkippableFact]
    public void A_change_after_the_publication_time_is_a_revision_dated_when_it_was_made()
    {
        ImportLetterCases();
        Publication.Set(Database, Year, PublishedAt, new TestClock(PublishedAt.AddDays(-10)));
        ImportNotUpheldForRutland(1, PublishedAt.AddDays(5));

        var published = RutlandAsPublished();
        var now = RutlandNow();
        Assert.Contains("\"uphold_pct\":\"100%\"", published.RecordJson);
        Assert.Contains("\"uphold_pct\":\"50%\"", now);
        Assert.True(published.IsRevised(now));
        Assert.Equal(PublishedAt.AddDays(5), published.RevisedOn(now));

        // Setting a public year's time to another past time keeps what was published.
        Publication.Set(Database, Year, PublishedAt.AddHours(-1), new TestClock(PublishedAt.AddDays(6)));
        Assert.Contains("\"uphold_pct\":\"100%\"", RutlandAsPublished().RecordJson);
    }

    [SkippableFact]
    public void A_change_made_without_the_hook_shows_as_revised_without_a_date()
    {
        ImportLetterCases();
        Publication.Set(Database, Year, PublishedAt, new TestClock(PublishedAt.AddDays(-10)));
        using (var connection = Database.Connect())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE decisions SET outcome = 'not_upheld' WHERE case_ref = '{Rutland}-001'";
            command.ExecuteNonQuery();
        }

        var published = RutlandAsPublished();
        Assert.True(published.IsRevised(RutlandNow()));
        Assert.Null(published.RevisedOn(RutlandNow()));
    }

    [SkippableFact]
    public void Publishing_again_after_a_withdrawal_is_a_new_publication()
    {
        ImportLetterCases();
        Publication.Set(Database, Year, PublishedAt, new TestClock(PublishedAt.AddDays(-10)));
        ImportNotUpheldForRutland(1, PublishedAt.AddDays(5));
        ImportNotUpheldForRutland(2, PublishedAt.AddDays(6));
        Assert.Equal(PublishedAt.AddDays(6), RutlandAsPublished().RevisedAt);
        Assert.Contains("\"uphold_pct\":\"33%\"", RutlandAsPublished().RevisedJson);

        Publication.Set(Database, Year, null, new TestClock(PublishedAt.AddDays(7)));
        Publication.Set(Database, Year, PublishedAt.AddDays(8), new TestClock(PublishedAt.AddDays(8)));

        var published = RutlandAsPublished();
        Assert.Contains("\"uphold_pct\":\"33%\"", published.RecordJson);
        Assert.Null(published.RevisedAt);
    }
}

public sealed class SqlitePublishedSnapshotsTests() : PublishedSnapshotsTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublishedSnapshotsTests() : PublishedSnapshotsTests(DatabaseProvider.PostgreSql);

/// <summary>What counts as a revision of a record: anything that shows, not the averages' unrounded rates.</summary>
public sealed class RevisionRuleTests
{
    private const string Published = """{"code":"E06000017","uphold_rate":0.5,"uphold_pct":"50%","average":{"method":"pooled","uphold_rate":0.6012,"uphold_pct":"60%"},"comparison":{"uphold":"similar"}}""";

    private static PublishedRecord Record() => new(Published, DateTimeOffset.UnixEpoch, null, null);

    [Fact]
    public void A_change_only_to_an_average_unrounded_rate_is_not_a_revision() =>
        Assert.False(Record().IsRevised(Published.Replace("0.6012", "0.6049")));

    [Fact]
    public void A_change_to_a_printed_average_or_a_comparison_or_an_own_figure_is_a_revision()
    {
        Assert.True(Record().IsRevised(Published.Replace("0.6012", "0.6051").Replace("\"60%\"", "\"61%\"")));
        Assert.True(Record().IsRevised(Published.Replace("similar", "lower")));
        Assert.True(Record().IsRevised(Published.Replace("0.5,", "0.4,").Replace("\"50%\"", "\"40%\"")));
    }
}
