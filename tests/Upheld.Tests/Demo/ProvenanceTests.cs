using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Demo;

/// <summary>Provenance marks that must behave the same on every database engine.</summary>
public abstract class ProvenanceTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year2019 = new(2019);
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    [SkippableFact]
    public void A_new_database_is_not_demonstration_data_and_has_no_marks()
    {
        using var connection = _store.Value.Database.Connect();

        Assert.False(Provenance.IsDemonstration(connection));
        Assert.Empty(Provenance.ForYear(connection, Year2019));
        Assert.Null(Provenance.Of(connection, "E10000003", Year2019));
    }

    [SkippableFact]
    public void Marks_are_read_back_and_a_second_mark_replaces_the_first()
    {
        using var connection = _store.Value.Database.Connect();
        Provenance.Record(connection, [("E10000003", Year2019, DataSource.Synthetic, null), ("E07000192", Year2019, DataSource.Synthetic, "x")]);
        Provenance.Record(connection, [("E10000003", Year2019, DataSource.Published, "2020 letter")]);
        Provenance.MarkDemonstration(connection);
        Provenance.MarkDemonstration(connection);

        Assert.True(Provenance.IsDemonstration(connection));
        Assert.Equal(DataSource.Published, Provenance.Of(connection, "E10000003", Year2019));
        Assert.Equal(["E07000192", "E10000003"], Provenance.ForYear(connection, Year2019).Keys);
        Assert.Empty(Provenance.ForYear(connection, new FinancialYear(2020)));
    }
}

public sealed class SqliteProvenanceTests() : ProvenanceTests(DatabaseProvider.Sqlite);

public sealed class PostgresProvenanceTests() : ProvenanceTests(DatabaseProvider.PostgreSql);
