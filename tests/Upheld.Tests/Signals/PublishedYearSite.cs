using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;

namespace Upheld.Tests.Signals;

/// <summary>
/// For the tests of what a change after publication revises: decisions imported ten days before a year's publication, the year
/// published (its snapshot taken nine days before), and the site over it the day after. The import and the publication are
/// written once per run and key into a template (see <see cref="TestDatabase.Prepared"/>) that each test's database copies.
/// </summary>
public sealed class PublishedYearSite : IAsyncDisposable
{
    private readonly TestDatabase _store;
    private readonly FinancialYear _year;

    public PublishedYearSite(DatabaseProvider provider, string key, FinancialYear year, DateTimeOffset publishedAt, IReadOnlyList<string> decisions)
    {
        _year = year;
        _store = TestDatabase.Prepared(provider, key, database =>
        {
            Import(database, publishedAt.AddDays(-10), decisions);
            Publication.Set(database, year, publishedAt, new TestClock(publishedAt.AddDays(-9)));
        });
        try
        {
            Site = new SiteHost(_store.Database, publishedAt.AddDays(1));
        }
        catch
        {
            _store.Dispose();
            throw;
        }
    }

    public Database Database => _store.Database;
    public SiteHost Site { get; }

    /// <summary>Imports decisions (a decisions.csv header and its rows) as recorded at <paramref name="at"/>.</summary>
    public void Import(DateTimeOffset at, IEnumerable<string> decisions) => Import(Database, at, decisions);

    /// <summary>The year's published records of one kind, by council code.</summary>
    public IReadOnlyDictionary<string, PublishedRecord> Published(string kind)
    {
        using var connection = Database.Connect();
        return PublishedFigures.ForYear(connection, _year, kind);
    }

    private static void Import(Database database, DateTimeOffset at, IEnumerable<string> decisions)
    {
        using var folder = new ImportFolder().With("decisions.csv", [.. decisions]);
        var result = new Importer(database, new TestClock(at)).Import(folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        _store.Dispose();
    }
}
