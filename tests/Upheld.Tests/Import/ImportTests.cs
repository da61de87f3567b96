using Dapper;
using Upheld.Import;
using Upheld.Statistics;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Import;

/// <summary>Import behaviour that must hold on every database engine.</summary>
public abstract class ImportTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year2019 = new(2019);
    // Created on first use, inside the test, so that a missing PostgreSQL server skips the test rather than breaking its class.
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private readonly ImportFolder _folder = new();

    protected Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
        _folder.Dispose();
    }

    private ImportResult Import(ImportFolder folder, bool replace = false) => new Importer(Database).Import(folder.Path, replace);

    private AuthorityStatistics Stats(string code) =>
        StatisticsEngine.Compute(CountsQuery.ForYear(Database, Year2019)).Single(s => s.Code == code);

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_five_letters_figures_come_out_of_their_cases_and_of_their_counts(bool asCounts)
    {
        var result = Import(asCounts ? _folder.AsCounts() : _folder.AsCases());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        AssertPrinted("E10000003", "86%", "100%", "8%");
        AssertPrinted("E10000034", "86%", "92%", "16%");
        AssertPrinted("E07000156", "100%", "100%", "0%");
        AssertPrinted("E06000017", "100%", "100%", "0%");
        AssertPrinted("E07000192", null, null, null);
        var cambridgeshire = Stats("E10000003").Counts;
        Assert.Equal((14, 12, 1, 9, 9, 2), (cambridgeshire.Investigations, cambridgeshire.Upheld, cambridgeshire.SatisfactoryRemedies,
            cambridgeshire.ComplianceOutcomes, cambridgeshire.Complied, cambridgeshire.CompliedLate));
        Assert.Equal(6, Stats("E07000192").Counts.Decided);
    }

    private void AssertPrinted(string code, string? uphold, string? compliance, string? remedy)
    {
        var s = Stats(code);
        Assert.Equal((uphold, compliance, remedy), (s.Uphold.Value.Text, s.Compliance.Value.Text, s.SatisfactoryRemedy.Value.Text));
    }

    [SkippableFact]
    public void Importing_the_same_folder_twice_changes_nothing_the_second_time()
    {
        _folder.AsCases();
        Assert.True(Import(_folder).Succeeded);

        var again = Import(_folder);

        Assert.True(again.Succeeded);
        Assert.All(again.Files, f => Assert.Equal((0, 0, f.Rows), (f.Added, f.Replaced, f.Unchanged)));
        Assert.Equal("86%", Stats("E10000003").Uphold.Value.Text);
    }

    [SkippableFact]
    public void A_row_stored_with_other_values_is_refused_naming_both_unless_replace_is_given()
    {
        Assert.True(Import(_folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "X1,E10000003,2019-05-01,upheld")).Succeeded);
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "X1,E10000003,2019-05-01,not_upheld");

        var refused = Import(_folder);
        var replaced = Import(_folder, replace: true);

        Assert.Equal(
            "decisions.csv line 2, column outcome: case_ref 'X1' is already stored with outcome 'upheld', not 'not_upheld'; use --replace to change it",
            Assert.Single(refused.Problems.Listed));
        Assert.True(replaced.Succeeded);
        Assert.Equal(1, Assert.Single(replaced.Files).Replaced);
        Assert.Equal((0, 1), (Stats("E10000003").Counts.Upheld, Stats("E10000003").Counts.NotUpheld));
    }

    [SkippableTheory]
    [InlineData("E99999999,2019-05-01,upheld,", "decisions.csv line 2, column authority_code: unknown authority code 'E99999999'")]
    [InlineData("E07000156,2022-05-01,upheld,", "decisions.csv line 2, column decision_date: E07000156 Wellingborough did not exist in 2022-23 (it existed in years up to 2020-21)")]
    [InlineData("E06000058,2018-05-01,upheld,", "decisions.csv line 2, column decision_date: E06000058 Bournemouth, Christchurch and Poole did not exist in 2018-19 (it existed in years from 2019-20)")]
    [InlineData("E10000003,2019-02-30,upheld,", "decisions.csv line 2, column decision_date: '2019-02-30' is not a date written YYYY-MM-DD")]
    [InlineData("E10000003,2019-05-01,maybe,", "decisions.csv line 2, column outcome: unknown outcome 'maybe'")]
    [InlineData("E10000003,2019-05-01,not_upheld,true", "decisions.csv line 2, column remedied_by_authority: only an upheld decision can be remedied by the authority, and this one is 'not_upheld'")]
    [InlineData("E10000003,2019-05-01,upheld,yes", "decisions.csv line 2, column remedied_by_authority: 'yes' is not true or false")]
    [InlineData("E10000003,2019-05-01,upheld", "decisions.csv line 2: the row has 4 fields but the header has 5")]
    public void A_bad_decision_is_refused_with_file_line_and_column_and_nothing_is_written(string row, string expected)
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority", "GOOD1,E10000003,2019-05-01,upheld,", "BAD1," + row);
        // The bad row is on line 3; the good one before it must not be written either.
        var result = Import(_folder);

        Assert.False(result.Succeeded);
        Assert.StartsWith(expected.Replace("line 2", "line 3"), Assert.Single(result.Problems.Listed));
        Assert.Equal(0, Stats("E10000003").Counts.Decided);
    }

    [SkippableFact]
    public void Years_before_the_reference_data_are_accepted_for_councils_that_have_always_existed()
    {
        var result = Import(_folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "OLD1,E10000003,2015-06-01,upheld"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        var old = StatisticsEngine.Compute(CountsQuery.ForYear(Database, new FinancialYear(2015))).Single(s => s.Code == "E10000003");
        Assert.Equal("100%", old.Uphold.Value.Text);
    }

    [SkippableFact]
    public void Every_bad_row_of_every_file_is_listed_and_a_missing_column_names_the_header()
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date", "A,E10000003,2019-05-01")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "C1,E10000003,2019-13-01,complied_on_time", "C2,E10000003,2019-12-01,done");

        var problems = Import(_folder).Problems.Listed;

        Assert.Equal(
        [
            "decisions.csv line 1, column outcome: required column is missing from the header",
            "compliance.csv line 2, column recorded_date: '2019-13-01' is not a date written YYYY-MM-DD",
            "compliance.csv line 3, column outcome: unknown outcome 'done' (expected complied_on_time, complied_late, not_complied)",
        ], problems);
    }

    [SkippableFact]
    public void A_duplicate_key_within_the_folder_is_refused_naming_the_first_line()
    {
        var result = Import(_folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome",
            "D1,E10000003,2019-05-01,upheld", "D2,E10000003,2019-05-01,upheld", "D1,E10000003,2019-05-01,upheld"));

        Assert.Equal("decisions.csv line 4, column case_ref: case_ref 'D1' appears again in this file (first on line 2)", Assert.Single(result.Problems.Listed));
    }

    [SkippableFact]
    public void A_file_read_again_after_a_repeated_key_lists_each_problem_once_and_keeps_nothing_of_its_first_reading()
    {
        // Into an empty table the rows go straight in until D1 comes again on line 5; the file is then read again through
        // the staging table, which reports the repeat. The bad outcome of line 3 was found by both readings: listed once.
        var result = Import(_folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome",
            "D1,E10000003,2019-05-01,upheld", "D2,E10000003,2019-05-01,done", "D3,E10000003,2019-05-01,upheld", "D1,E10000003,2019-05-01,upheld"));

        Assert.Equal(
        [
            "decisions.csv line 3, column outcome: unknown outcome 'done' (expected invalid_incomplete, advice_given, referred_back, closed_after_initial_enquiries, not_upheld, upheld)",
            "decisions.csv line 5, column case_ref: case_ref 'D1' appears again in this file (first on line 2)",
        ], result.Problems.Listed);
        Assert.Equal(2, result.Problems.Count);
        Assert.False(result.Succeeded);
        Assert.Equal(0, Database.Connect().ExecuteScalar<long>("SELECT COUNT(*) FROM decisions"));
    }

    [SkippableFact]
    public void Lines_are_physical_lines_when_a_quoted_field_spans_several()
    {
        var result = Import(_folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome,summary",
            "Q1,E10000003,2019-05-01,upheld,\"First line", "second line, with a comma", "third \"\"quoted\"\" line\"", "Q2,E10000003,2019-05-01,maybe,"));

        Assert.StartsWith("decisions.csv line 5, column outcome: unknown outcome 'maybe'", Assert.Single(result.Problems.Listed));
    }

    [SkippableFact]
    public void Text_that_is_not_utf8_is_refused_naming_its_line()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("case_ref,authority_code,decision_date,outcome,summary\nE1,E10000003,2019-05-01,upheld,ok\nE2,E10000003,2019-05-01,upheld,caf")
            .Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();

        var result = Import(_folder.WithBytes("decisions.csv", bytes));

        Assert.Equal("decisions.csv line 3: text is not valid UTF-8; save the file as UTF-8", Assert.Single(result.Problems.Listed));
    }

    [SkippableFact]
    public void A_csv_file_whose_name_is_not_imported_is_refused_by_name_listing_the_names_and_nothing_is_written()
    {
        // A typo ("decision.csv") used to be skipped in silence: the folder imported without a whole file of decisions.
        _folder.With("decision.csv", "case_ref,authority_code,decision_date,outcome", "T1,E10000003,2019-05-01,upheld")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "T2,E10000003,2019-06-01,complied_on_time")
            .With("README.txt", "not a data file");

        var result = Import(_folder);

        Assert.Equal(
            $"decision.csv is not a file Upheld imports (it imports {string.Join(", ", Importer.Files)})",
            Assert.Single(result.Problems.Listed));
        Assert.Equal(0, Stats("E10000003").Counts.ComplianceOutcomes);
    }

    [SkippableFact]
    public void After_one_hundred_problems_the_rest_are_counted_not_listed()
    {
        var rows = Enumerable.Range(1, 150).Select(i => $"R{i},E99999999,2019-05-01,upheld");
        var result = Import(_folder.With("decisions.csv", ["case_ref,authority_code,decision_date,outcome", .. rows]));

        var lines = result.Problems.Lines().ToList();
        Assert.Equal(101, lines.Count);
        Assert.Equal("... and 50 more problems not listed", lines[^1]);
    }
}

public sealed class SqliteImportTests() : ImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresImportTests() : ImportTests(DatabaseProvider.PostgreSql);
