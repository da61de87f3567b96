using Dapper;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.ComplaintHandling;

/// <summary>complaint_returns.csv and code_self_assessments.csv: every rule and message, on both engines (docs/data-formats.md).</summary>
public abstract class ComplaintHandlingImportTests(DatabaseProvider provider) : IDisposable
{
    private const string ReturnsHeader = "authority_code,year,stage,received,responded,responded_in_time,upheld";
    private const string AssessmentHeader = "authority_code,year,section,follows,evidence,action,target_date,submitted_on";
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private readonly ImportFolder _folder = new();

    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
        _folder.Dispose();
    }

    private ImportResult Import(bool replace = false) => new Importer(Database).Import(_folder.Path, replace);

    private long Count(string table)
    {
        using var connection = Database.Connect();
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}");
    }

    [SkippableFact]
    public void Returns_and_a_self_assessment_are_stored_and_importing_them_again_changes_nothing()
    {
        _folder.With("complaint_returns.csv", ReturnsHeader, "E10000034,2024-25,1,210,200,167,80", "E10000034,2024-25,2,30,16,12,5")
            .With("code_self_assessments.csv", [AssessmentHeader,
                .. Upheld.ComplaintHandling.CodeSections.Ids.Select(s => s == "4"
                    ? $"E10000034,2024-25,{s},no,,Appoint a second complaints officer,2026-03-31,2025-06-30"
                    : $"E10000034,2024-25,{s},yes,\"Policy, page 3\",,,2025-06-30")]);

        var first = Import();
        var again = Import();

        Assert.True(first.Succeeded, string.Join("\n", first.Problems.Lines()));
        Assert.Equal([2, 10], first.Files.Select(f => f.Added));
        Assert.True(again.Succeeded);
        Assert.All(again.Files, f => Assert.Equal((0, 0), (f.Added, f.Replaced)));
        Assert.Equal((2, 10), (Count("complaint_returns"), Count("code_self_assessments")));
    }

    [SkippableTheory]
    [InlineData("E10000034,2024-25,1,10,5,6,0", "complaint_returns.csv line 2, column responded_in_time: responded_in_time (6) is more than responded (5)")]
    [InlineData("E10000034,2024-25,1,10,5,5,6", "complaint_returns.csv line 2, column upheld: upheld (6) is more than responded (5)")]
    [InlineData("E10000034,2024-25,3,10,5,5,0", "complaint_returns.csv line 2, column stage: unknown stage '3' (expected 1, 2)")]
    [InlineData("E10000034,2024-25,1,-1,5,5,0", "complaint_returns.csv line 2, column received: '-1' is not a whole number of at least 0")]
    [InlineData("E10000034,2024-25,1,,5,5,0", "complaint_returns.csv line 2, column received: a value is required")]
    [InlineData("E10000034,2024-25,1,10,5,2.5,0", "complaint_returns.csv line 2, column responded_in_time: '2.5' is not a whole number of at least 0")]
    [InlineData("E99999999,2024-25,1,10,5,5,0", "complaint_returns.csv line 2, column authority_code: unknown authority code 'E99999999'")]
    [InlineData("E07000156,2024-25,1,10,5,5,0", "complaint_returns.csv line 2, column year: E07000156 Wellingborough did not exist in 2024-25 (it existed in years up to 2020-21)")]
    public void A_bad_return_is_refused_naming_file_line_and_column_and_nothing_is_written(string row, string expected)
    {
        _folder.With("complaint_returns.csv", ReturnsHeader, row)
            .With("code_self_assessments.csv", AssessmentHeader, "E10000034,2024-25,1,yes,,,,2025-06-30");

        var result = Import();

        Assert.Equal(expected, Assert.Single(result.Problems.Listed));
        Assert.Equal((0, 0), (Count("complaint_returns"), Count("code_self_assessments")));
    }

    [SkippableTheory]
    [InlineData("E10000034,2024-25,6,yes,,,,2025-06-30", "code_self_assessments.csv line 2, column section: unknown section of the Code's self-assessment '6' (expected 1, 2, 3, 4, 5, 6-stage-1, 6-stage-2, 7, 8, 9)")]
    [InlineData("E10000034,2024-25,1,partly,,,,2025-06-30", "code_self_assessments.csv line 2, column follows: unknown answer 'partly' (expected yes, no)")]
    [InlineData("E10000034,2024-25,1,no,,,2026-03-31,2025-06-30", "code_self_assessments.csv line 2, column action: a value is required when follows is 'no': what the council will do to follow this section")]
    [InlineData("E10000034,2024-25,1,no,,Train staff,,2025-06-30", "code_self_assessments.csv line 2, column target_date: a value is required when follows is 'no': when the council will follow this section")]
    [InlineData("E10000034,2024-25,1,yes,,,,", "code_self_assessments.csv line 2, column submitted_on: a value is required")]
    [InlineData("E10000034,2024-25,1,yes,,,,30/06/2025", "code_self_assessments.csv line 2, column submitted_on: '30/06/2025' is not a date written YYYY-MM-DD")]
    public void A_bad_self_assessment_row_is_refused_naming_file_line_and_column(string row, string expected)
    {
        _folder.With("code_self_assessments.csv", AssessmentHeader, row);

        Assert.Equal(expected, Assert.Single(Import().Problems.Listed));
        Assert.Equal(0, Count("code_self_assessments"));
    }

    [SkippableFact]
    public void Keys_are_authority_year_and_stage_or_section_and_a_stored_row_with_other_values_needs_replace()
    {
        _folder.With("complaint_returns.csv", ReturnsHeader, "E10000034,2024-25,1,10,5,5,0", "E10000034,2024-25,1,11,5,5,0");
        Assert.Equal("complaint_returns.csv line 3, column authority_code: authority_code 'E10000034' year '2024-25' stage '1' appears again in this file (first on line 2)",
            Assert.Single(Import().Problems.Listed));

        _folder.With("complaint_returns.csv", ReturnsHeader, "E10000034,2024-25,1,10,5,5,0");
        Assert.True(Import().Succeeded);
        _folder.With("complaint_returns.csv", ReturnsHeader, "E10000034,2024-25,1,10,5,4,0");
        Assert.Equal("complaint_returns.csv line 2, column responded_in_time: authority_code 'E10000034' year '2024-25' stage '1' is already stored with responded_in_time '5', not '4'; use --replace to change it",
            Assert.Single(Import().Problems.Listed));
        Assert.Equal(1, Assert.Single(Import(replace: true).Files).Replaced);
    }

    [SkippableFact]
    public void Every_section_of_one_self_assessment_has_one_submission_date()
    {
        _folder.With("code_self_assessments.csv", AssessmentHeader, "E10000034,2024-25,1,yes,,,,2025-06-30", "E10000034,2024-25,2,yes,,,,2025-07-01");
        Assert.Equal("code_self_assessments.csv line 3, column submitted_on: E10000034 2024-25 was submitted on 2025-06-30 on line 2; every section of one self-assessment has the same date",
            Assert.Single(Import().Problems.Listed));

        _folder.With("code_self_assessments.csv", AssessmentHeader, "E10000034,2024-25,1,yes,,,,2025-06-30");
        Assert.True(Import().Succeeded);
        _folder.With("code_self_assessments.csv", AssessmentHeader, "E10000034,2024-25,2,yes,,,,2025-07-01");
        Assert.Equal("code_self_assessments.csv line 2, column submitted_on: E10000034 2024-25's self-assessment is already stored as submitted on 2025-06-30, not 2025-07-01; use --replace to change it",
            Assert.Single(Import().Problems.Listed));
    }

    [SkippableFact]
    public void Cases_may_be_recorded_for_2026_27_the_year_being_recorded()
    {
        _folder.With("complaint_returns.csv", ReturnsHeader, "E10000034,2026-27,1,10,5,5,0")
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "R2627,E10000034,2026-11-30,upheld");

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }
}

public sealed class SqliteComplaintHandlingImportTests() : ComplaintHandlingImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresComplaintHandlingImportTests() : ComplaintHandlingImportTests(DatabaseProvider.PostgreSql);
