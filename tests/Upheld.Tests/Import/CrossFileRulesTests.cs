using Upheld.Import;
using Upheld.Statistics;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Import;

/// <summary>Rules that join rows across files and years: successors, counts against cases, overrides of reference data.</summary>
public abstract class CrossFileRulesTests(DatabaseProvider provider) : IDisposable
{
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private readonly ImportFolder _folder = new();

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
        _folder.Dispose();
    }

    private ImportResult Import(bool replace = false) => new Importer(_store.Value.Database).Import(_folder.Path, replace);

    private AuthorityYearCounts Counts(string code, int year) =>
        CountsQuery.ForYear(_store.Value.Database, new FinancialYear(year)).Single(c => c.Code == code);

    [SkippableFact]
    public void An_outcome_recorded_after_its_council_was_abolished_belongs_to_the_single_successor()
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "W1,E07000156,2021-02-01,upheld")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "W1,E07000156,2021-05-10,complied_late");

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        Assert.Equal((1, 1), (Counts("E06000061", 2021).Complied, Counts("E06000061", 2021).CompliedLate));
        Assert.Equal(1, Counts("E07000156", 2020).Upheld);
    }

    [SkippableFact]
    public void An_outcome_of_a_council_with_several_successors_is_refused()
    {
        var result = _folder.With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "D1,E10000009,2019-06-01,complied_on_time") is { } f
            ? Import() : null;

        Assert.Equal(
            "compliance.csv line 2, column authority_code: E10000009 Dorset was abolished on 2019-03-31 and has several successors (E06000058, E06000059); give the successor's code",
            Assert.Single(result!.Problems.Listed));
    }

    [SkippableFact]
    public void An_outcome_whose_case_belongs_to_another_council_is_refused()
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "K1,E10000003,2019-05-01,upheld")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "K1,E10000034,2019-08-01,complied_on_time");

        Assert.Equal("compliance.csv line 2, column authority_code: case K1 was decided for E10000003, not E10000034", Assert.Single(Import().Problems.Listed));
    }

    [SkippableFact]
    public void Counts_and_case_rows_for_one_authority_year_are_never_mixed_whichever_comes_first()
    {
        _folder.With("counts.csv", "code,year,investigations,upheld", "E10000003,2019-20,10,5")
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "M1,E10000003,2019-05-01,upheld", "M2,E10000003,2018-05-01,upheld");
        var together = Import();
        _folder.With("counts.csv", "code,year,investigations,upheld", "E10000003,2018-19,10,5");
        File.Delete(Path.Combine(_folder.Path, "decisions.csv"));
        Assert.True(Import().Succeeded);
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "M3,E10000003,2018-06-01,upheld");
        var after = Import();

        Assert.Equal("decisions.csv line 2, column authority_code: E10000003 2019-20 already has published totals in counts.csv; case rows cannot be mixed with them",
            Assert.Single(together.Problems.Listed));
        Assert.Equal("decisions.csv line 2, column authority_code: E10000003 2018-19 already has published totals in counts.csv; case rows cannot be mixed with them",
            Assert.Single(after.Problems.Listed));
        Assert.Equal((10, 5), (Counts("E10000003", 2018).Investigations, Counts("E10000003", 2018).Upheld));
    }

    [SkippableFact]
    public void Counts_that_contradict_themselves_are_refused()
    {
        _folder.With("counts.csv", "code,year,investigations,upheld,satisfactory_remedies", "E10000003,2019-20,4,5,1");

        Assert.Equal("counts.csv line 2, column upheld: upheld (5) is more than investigations (4)", Assert.Single(Import().Problems.Listed));
    }

    [SkippableFact]
    public void An_imported_population_overrides_the_ONS_estimate_and_then_needs_replace_to_change()
    {
        _folder.With("populations.csv", "code,year,population", "E06000017,2019-20,50000");
        Assert.True(Import().Succeeded);
        Assert.Equal(50000, Counts("E06000017", 2019).Population);

        _folder.With("populations.csv", "code,year,population", "E06000017,2019-20,40000");
        var refused = Import();
        var replaced = Import(replace: true);

        Assert.Equal("populations.csv line 2, column population: E06000017 2019-20 is already stored with population 50000, not 40000; use --replace to change it",
            Assert.Single(refused.Problems.Listed));
        Assert.True(replaced.Succeeded);
        Assert.Equal(40000, Counts("E06000017", 2019).Population);
    }

    [SkippableFact]
    public void Authorities_csv_adds_a_council_and_corrects_only_the_columns_it_gives()
    {
        _folder.With("authorities.csv", "code,name,official_name,type,region,valid_from",
                "E06000017,Rutland,The Rutland Council,,,",
                "E06000999,Newtown,,,South East,2019-04-01")
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "N1,E06000999,2019-09-01,upheld");

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        using var connection = _store.Value.Database.Connect();
        var authorities = Upheld.Authorities.AuthorityStore.All(connection).ToDictionary(a => a.Code);
        Assert.Equal(("The Rutland Council", "East Midlands"), (authorities["E06000017"].OfficialName, authorities["E06000017"].Region));
        Assert.Equal((Upheld.Authorities.AuthorityType.Unitary, "Newtown"), (authorities["E06000999"].Type, authorities["E06000999"].OfficialName));
        Assert.Equal(1, Counts("E06000999", 2019).Upheld);
    }

    [SkippableFact]
    public void A_folder_with_no_import_file_is_refused()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "notes.txt"), "hello");

        Assert.StartsWith($"{_folder.Path}: none of the import files is there", Assert.Single(Import().Problems.Listed));
    }
}

public sealed class SqliteCrossFileRulesTests() : CrossFileRulesTests(DatabaseProvider.Sqlite);

public sealed class PostgresCrossFileRulesTests() : CrossFileRulesTests(DatabaseProvider.PostgreSql);
