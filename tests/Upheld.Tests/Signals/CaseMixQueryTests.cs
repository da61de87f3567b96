using Upheld.Import;
using Upheld.Signals;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Signals;

/// <summary>Investigations by category as stored, on both engines: groups always add up to the key statistics.</summary>
public abstract class CaseMixQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private readonly ImportFolder _folder = new();

    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
        _folder.Dispose();
    }

    [SkippableFact]
    public void Decisions_are_grouped_by_category_and_totals_without_categories_are_not_recorded()
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,category,outcome",
                "W1,E10000034,2019-06-01,Education and Children's Services,upheld",
                "W2,E10000034,2019-07-01,Education and Children's Services,upheld",
                "W3,E10000034,2019-08-01,Education and Children's Services,not_upheld",
                "W4,E10000034,2019-09-01,Highways and Transport,not_upheld",
                "W5,E10000034,2019-10-01,,upheld",
                "W6,E10000034,2019-11-01,Housing,closed_after_initial_enquiries", // not an investigation
                "W7,E10000034,2020-05-01,Housing,upheld")                          // another year
            .With("counts.csv", "code,year,investigations,upheld", "E10000003,2019-20,14,12");
        var import = new Importer(Database).Import(_folder.Path);
        Assert.True(import.Succeeded, string.Join("\n", import.Problems.Lines()));

        var councils = CaseMixQuery.ForYear(Database, new FinancialYear(2019)).ToDictionary(c => c.Code);

        var worcestershire = councils["E10000034"];
        Assert.Equal(new GroupCount(3, 2), worcestershire.In("Education and Children's Services"));
        Assert.Equal(new GroupCount(1, 0), worcestershire.In("Highways and Transport"));
        Assert.Equal(new GroupCount(1, 1), worcestershire.In(CaseMixGroups.NotRecorded));
        Assert.Equal(default, worcestershire.In("Housing"));
        // Cambridgeshire is known only by its published totals: all 14 investigations, 12 upheld, are in "Not recorded".
        Assert.Equal(new GroupCount(14, 12), Assert.Single(councils["E10000003"].Groups).Value);
        Assert.Empty(councils["E07000192"].Groups);

        // Nationally: education 2/3, highways 0/1, not recorded 13/15. Worcestershire expects 3 × 2/3 + 0 + 1 × 13/15 = 43/15.
        var year = CaseMixEngine.Compute(councils.Values.ToList());
        Assert.Equal(new Upheld.Statistics.Rational(43, 15), year.Of("E10000034")!.Expected);
        Assert.Equal(new Upheld.Statistics.Rational(13, 15), year.National.Single(g => g.Group == CaseMixGroups.NotRecorded).Rate);
    }
}

public sealed class SqliteCaseMixQueryTests() : CaseMixQueryTests(DatabaseProvider.Sqlite);

public sealed class PostgresCaseMixQueryTests() : CaseMixQueryTests(DatabaseProvider.PostgreSql);
