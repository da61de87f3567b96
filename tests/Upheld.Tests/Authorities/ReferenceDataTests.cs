using Upheld.Authorities;
using Upheld.Statistics;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;

namespace Upheld.Tests.Authorities;

public class ReferenceDataTests
{
    [Fact]
    public void Every_council_of_2018_to_2025_is_shipped_with_its_type_from_the_code()
    {
        var councils = ReferenceData.Councils();

        Assert.Equal(365, councils.Count);
        Assert.All(councils, c => Assert.Equal(AuthorityTypes.FromCode(c.Code), c.Type));
        var rutland = councils.Single(c => c.Code == "E06000017");
        Assert.Equal((AuthorityType.Unitary, "Rutland County Council"), (rutland.Type, rutland.OfficialName));
    }

    [Fact]
    public void The_councils_of_2019_20_are_343_by_type_as_published()
    {
        var alive = ReferenceData.Councils().Where(c => c.ExistsIn(new FinancialYear(2019))).ToList();

        Assert.Equal(343, alive.Count);
        Assert.Equal(
            new Dictionary<AuthorityType, int>
            {
                [AuthorityType.County] = 26, [AuthorityType.District] = 192, [AuthorityType.MetropolitanBorough] = 36,
                [AuthorityType.Unitary] = 56, [AuthorityType.LondonBorough] = 33,
            },
            alive.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Theory]
    [InlineData(2018, 353)]
    [InlineData(2020, 339)]
    [InlineData(2021, 333)]
    [InlineData(2023, 317)]
    [InlineData(2024, 317)]
    public void Each_year_has_the_councils_that_existed_on_its_first_of_April(int year, int count) =>
        Assert.Equal(count, ReferenceData.Councils().Count(c => c.ExistsIn(new FinancialYear(year))));

    [Fact]
    public void A_council_abolished_on_31_March_is_gone_from_the_next_year_and_its_successor_has_begun()
    {
        var councils = ReferenceData.Councils().ToDictionary(c => c.Code);

        Assert.True(councils["E07000156"].ExistsIn(new FinancialYear(2020)));
        Assert.False(councils["E07000156"].ExistsIn(new FinancialYear(2021)));
        Assert.True(councils["E06000061"].ExistsIn(new FinancialYear(2021)));
        Assert.Equal(["E06000058", "E06000059"], councils["E10000009"].SuccessorCodes);
    }

    [Fact]
    public void The_mid_year_estimate_inside_a_financial_year_serves_it_and_later_years_up_to_2026_27_use_the_latest()
    {
        using var store = TestDatabase.Sqlite();
        Dictionary<string, AuthorityYearCounts> Counts(int year) => CountsQuery.ForYear(store.Database, new FinancialYear(year)).ToDictionary(c => c.Code);
        var counts2019 = Counts(2019);
        var counts2024 = Counts(2024);

        Assert.Equal(93663, counts2019["E06000001"].Population); // ONS mid-2019, Hartlepool
        Assert.Equal(98180, counts2024["E06000001"].Population); // ONS mid-2024 (30 July 2025 release), Hartlepool
        Assert.Equal(58_620_101, counts2024.Values.Where(c => c.Code[..3] is "E06" or "E07" or "E08" or "E09").Sum(c => c.Population));
        foreach (var later in new[] { 2025, 2026 })
        {
            var counts = Counts(later);
            Assert.Equal(317, counts.Count); // councils unchanged until 1 April 2027
            Assert.All(counts.Values, c => Assert.Equal(counts2024[c.Code].Population, c.Population));
        }
        Assert.Null(Counts(2027).Values.FirstOrDefault()?.Population);
    }
}

/// <summary>A store made by an earlier build gets the new estimates on its next migration; a public year records a revision.</summary>
public abstract class PopulationRefreshTests(DatabaseProvider provider) : IDisposable
{
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    /// <summary>Puts the store back as the previous build left it: 2024-25 served by mid-2023, no 2025-26 or 2026-27 rows.</summary>
    private void AsThePreviousBuildLeftIt()
    {
        using var connection = Database.Connect();
        Dapper.SqlMapper.Execute(connection, "DELETE FROM populations WHERE year >= 2024");
        Dapper.SqlMapper.Execute(connection,
            "INSERT INTO populations (code, year, population, source) SELECT code, 2024, population, 'ons-latest' FROM populations WHERE year = 2023");
    }

    private long? Population(string code, int year) =>
        CountsQuery.ForYear(Database, new FinancialYear(year)).Single(c => c.Code == code).Population;

    [SkippableFact]
    public void The_next_migration_replaces_the_stand_in_and_adds_the_new_years_leaving_imported_rows_alone()
    {
        AsThePreviousBuildLeftIt();
        using (var connection = Database.Connect())
            Dapper.SqlMapper.Execute(connection, "UPDATE populations SET population = 12345, source = 'import' WHERE code = 'E06000002' AND year = 2024");
        Assert.Equal(95366, Population("E06000001", 2024)); // mid-2023 standing in

        Database.Migrate();

        Assert.Equal(98180, Population("E06000001", 2024));
        Assert.Equal(98180, Population("E06000001", 2025));
        Assert.Equal(98180, Population("E06000001", 2026));
        Assert.Equal(12345, Population("E06000002", 2024)); // the import's own figure wins
    }

    [SkippableFact]
    public void In_a_store_where_2024_25_is_public_the_new_estimate_is_recorded_as_a_revision()
    {
        AsThePreviousBuildLeftIt();
        var year = new FinancialYear(2024);
        var publishedAt = new DateTimeOffset(2025, 7, 16, 9, 30, 0, TimeSpan.Zero);
        Publication.Set(Database, year, publishedAt, new TestClock(publishedAt.AddDays(-1)));

        Database.Migrate();

        using var connection = Database.Connect();
        var hartlepool = Upheld.Publishing.PublishedFigures.ForYear(connection, year)["E06000001"];
        Assert.Contains("\"population\":95366", hartlepool.RecordJson);
        Assert.Contains("\"population\":98180", hartlepool.RevisedJson);
    }
}

public sealed class SqlitePopulationRefreshTests() : PopulationRefreshTests(DatabaseProvider.Sqlite);

public sealed class PostgresPopulationRefreshTests() : PopulationRefreshTests(DatabaseProvider.PostgreSql);
