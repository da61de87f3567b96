using System.Text.Json;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Web;

namespace Upheld.Tests.Web;

/// <summary>
/// The export's site reads a year's councils and upheld decisions at once (docs/site-and-api.md, "API and static export"):
/// each must be exactly what the served site reads one at a time, so the export's pages are the served site's bytes.
/// </summary>
public abstract class ExportReadsTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    // Rutland (E06000017) has two upheld decisions of 2019-20, one not upheld and one upheld in 2020-21, which is not
    // published; Worcestershire (E10000034) one upheld; Cannock Chase (E07000192) nothing at all.
    private (SiteData Served, SiteData Export) Sites()
    {
        var database = _store.Value.Database;
        using (var folder = new ImportFolder()
                   .With("decisions.csv", "case_ref,authority_code,decision_date,category,subcategory,outcome,remedied_by_authority,summary",
                       "U1,E06000017,2019-09-01,Housing,Repairs,upheld,true,Fault found.",
                       "U2,E06000017,2019-05-01,Planning and Development,,upheld,false,",
                       "U3,E10000034,2019-07-01,Housing,,upheld,false,A Worcestershire case.",
                       "N1,E06000017,2019-06-01,Other,,not_upheld,false,",
                       "L1,E06000017,2020-06-01,Housing,,upheld,false,The next year.")
                   // Imported in this order, which is not the order of their words: the page lists them as the decision does.
                   .With("recommendations.csv", "case_ref,authority_code,kind,text,amount_gbp",
                       "U1,E06000017,personal,Pay Mr C,1250",
                       "U1,E06000017,service_improvement,Train staff,",
                       "U1,E06000017,personal,Apologise,",
                       "U2,E06000017,service_improvement,Review the policy,",
                       "N1,E06000017,personal,Apologise anyway,",
                       "L1,E06000017,personal,Apologise next year,")
                   .With("public_reports.csv", "case_ref,authority_code,issued_date,title,summary",
                       "U1,E06000017,2019-10-01,A report,What went wrong.",
                       "U3,E10000034,2019-08-01,Another report,")
                   .With("received.csv", "case_ref,authority_code,received_date,category",
                       "R1,E06000017,2019-04-02,Housing", "R2,E06000017,2019-04-03,", "R3,E06000017,2019-04-04,Housing", "R4,E10000034,2019-05-01,Planning and Development"))
        {
            var result = new Importer(database).Import(folder.Path);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        }
        Publication.Set(database, Year, SiteHost.PublishedAt);
        var clock = new TestClock(SiteHost.PublishedAt.AddDays(1));
        return (new SiteData(database, clock), new SiteData(database, clock, TimeSpan.MaxValue, forExport: true));
    }

    [SkippableFact]
    public void A_year_s_councils_read_at_once_are_each_council_s_year_as_read_alone()
    {
        var (served, export) = Sites();

        foreach (var code in new[] { "E06000017", "E10000034", "E07000192" })
            Assert.Equal(Json(served.CouncilYear(code, Year)), Json(export.CouncilYear(code, Year)));
        var rutland = export.CouncilYear("E06000017", Year);
        // Upheld by decision date: U2 (May) before U1 (September); improvements likewise; received: two Housing, one without a category.
        Assert.Equal(["U2", "U1"], rutland.UpheldDecisions.Select(d => d.CaseRef));
        Assert.Equal(["Review the policy", "Train staff"], rutland.ServiceImprovements.Select(i => i.Text));
        Assert.Equal(["U1"], rutland.PublicReports.Select(r => r.CaseRef));
        Assert.Equal(new Dictionary<string, int> { ["Housing"] = 2, ["Not recorded"] = 1 }, rutland.ReceivedByCategory);
        Assert.Equal(new Dictionary<string, int> { ["upheld"] = 2, ["not_upheld"] = 1 }, rutland.DecisionsByOutcome);
        Assert.Empty(export.CouncilYear("E07000192", Year).DecisionsByOutcome);
    }

    [SkippableFact]
    public void Upheld_decisions_read_at_once_are_each_decision_as_read_alone_and_others_are_read_alone()
    {
        var (served, export) = Sites();

        foreach (var caseRef in new[] { "U1", "U2", "U3", "N1", "L1", "NO-SUCH-CASE" })
            Assert.Equal(Json(served.Decision(caseRef)), Json(export.Decision(caseRef)));
        Assert.Equal(["Pay Mr C", "Train staff", "Apologise"], export.Decision("U1")!.Remedies.Select(r => r.Text));
        Assert.Equal(125_000, export.Decision("U1")!.Remedies[0].AmountPence);
        Assert.Empty(export.Decision("U3")!.Remedies);
        // Not upheld, so not among those read at once: read on its own, remedy and all.
        Assert.Equal(["Apologise anyway"], export.Decision("N1")!.Remedies.Select(r => r.Text));
        // 2020-21 is not published: no page, read at once or alone.
        Assert.Null(export.Decision("L1"));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

public sealed class SqliteExportReadsTests() : ExportReadsTests(DatabaseProvider.Sqlite);

public sealed class PostgresExportReadsTests() : ExportReadsTests(DatabaseProvider.PostgreSql);
