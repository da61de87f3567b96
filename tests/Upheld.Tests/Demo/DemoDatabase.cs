using System.Text;
using Upheld.Demo;
using Upheld.Statistics;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Demo;

/// <summary>The demonstration dataset loaded once into SQLite and shared by the calibration tests, which only read it.</summary>
public sealed class DemoDatabase : IDisposable
{
    public const string Collection = "demonstration database";
    private readonly TestDatabase _store = Copy();

    /// <summary>
    /// A database of its own holding the demonstration dataset, for a test that changes it: a copy of the run's one load
    /// (generating and loading the dataset takes far longer than copying its file).
    /// </summary>
    public static TestDatabase Copy() => TestDatabase.Prepared(DatabaseProvider.Sqlite, "demonstration dataset", database =>
    {
        // A fresh database is empty, so this loads; the tests then check that a second call does not.
        if (!DemoDataset.LoadIfEmpty(database)) throw new InvalidOperationException("a fresh database was not taken as empty");
    });

    public Database Database => _store.Database;

    public IReadOnlyList<AuthorityStatistics> Stats(FinancialYear year) =>
        StatisticsEngine.Compute(CountsQuery.ForYear(Database, year));

    public AuthorityStatistics Stats(string code, FinancialYear year) => Stats(year).Single(s => s.Code == code);

    /// <summary>What <c>upheld stats --format json</c> prints for the year.</summary>
    public static string Json(Database database, FinancialYear year)
    {
        using var stream = new MemoryStream();
        StatisticsJson.Write(stream, StatisticsEngine.Compute(CountsQuery.ForYear(database, year)));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose() => _store.Dispose();
}

/// <summary>Loads the demonstration database once for every test class that reads it.</summary>
[CollectionDefinition(DemoDatabase.Collection)]
public sealed class DemoDatabaseCollection : ICollectionFixture<DemoDatabase>;
