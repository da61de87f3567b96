using Upheld.Import;
using Upheld.Letters;
using Upheld.Quality;
using Upheld.Storage;
using Upheld.Tests.Cli;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Quality;

/// <summary>Each kind of finding on hand-made data, with its boundary cases, on both engines.</summary>
public abstract class DataQualityTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private const string Worcestershire = "E10000034", Cambridgeshire = "E10000003", Rutland = "E06000017", Wellingborough = "E07000156", Cannock = "E07000192";
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    private void Import(ImportFolder folder)
    {
        using (folder) Assert.True(new Importer(Database).Import(folder.Path).Succeeded);
    }

    /// <summary>Upheld and not-upheld decisions of one council in one year (2018 or 2019), numbered from <paramref name="first"/>.</summary>
    private static IEnumerable<string> Decisions(string code, int year, int upheld, int notUpheld, int first = 1) =>
        Enumerable.Range(first, upheld + notUpheld).Select(i => $"{code}-{year}-{i:D3},{code},{year}-06-01,{(i - first < upheld ? "upheld" : "not_upheld")}");

    private static IEnumerable<string> Received(string code, int year, int count) =>
        Enumerable.Range(1, count).Select(i => $"R-{code}-{year}-{i:D3},{code},{year}-05-01");

    private void ImportScenario()
    {
        Import(new ImportFolder()
            .With("contacts.csv", "code,year,honorific,surname,role", $"{Rutland},2019-20,Mr,Brown,Chief Executive")
            .With("decisions.csv",
            [
                "case_ref,authority_code,decision_date,outcome",
                .. Decisions(Worcestershire, 2018, 9, 1), .. Decisions(Worcestershire, 2019, 6, 4),  // 90% to 60%: down 30 points
                .. Decisions(Cambridgeshire, 2018, 8, 2), .. Decisions(Cambridgeshire, 2019, 6, 4),  // 80% to 60%: exactly 20 points
                .. Decisions(Rutland, 2018, 9, 0), .. Decisions(Rutland, 2019, 0, 9),                // 100% to 0%, but only 9 investigations
            ])
            .With("received.csv",
            [
                "case_ref,authority_code,received_date",
                .. Received(Wellingborough, 2018, 10), .. Received(Wellingborough, 2019, 16),  // up 60%
                .. Received(Cannock, 2018, 10), .. Received(Cannock, 2019, 15),                // up exactly 50%
            ])
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome",
                $"{Worcestershire}-2019-001,{Worcestershire},2019-11-01,complied_on_time",
                $"OLD-CASE-1,{Rutland},2019-11-02,not_complied"));
    }

    private QualityReport Report() => DataQuality.Report(Database, Year);

    [SkippableFact]
    public void A_council_without_a_contact_has_a_letter_without_an_addressee()
    {
        ImportScenario();
        var missing = Report().Findings.Where(f => f.Kind == QualityFindingKind.LetterWithoutAddressee).Select(f => f.AuthorityCode).ToList();

        Assert.Contains(Cannock, missing);
        Assert.Contains(Worcestershire, missing);
        Assert.DoesNotContain(Rutland, missing);
    }

    [SkippableFact]
    public void Uphold_rates_that_move_20_points_or_more_with_10_investigations_both_years_are_large_swings()
    {
        ImportScenario();
        var swings = Report().Findings.Where(f => f.Kind == QualityFindingKind.LargeSwing).ToList();

        Assert.Contains(swings, f => f.AuthorityCode == Worcestershire && f.Detail == "uphold rate 90% (9 of 10) in 2018-19, 60% (6 of 10) in 2019-20: down 30 points");
        Assert.Contains(swings, f => f.AuthorityCode == Cambridgeshire && f.Detail == "uphold rate 80% (8 of 10) in 2018-19, 60% (6 of 10) in 2019-20: down 20 points");
        Assert.DoesNotContain(swings, f => f.AuthorityCode == Rutland);
    }

    [SkippableFact]
    public void Complaints_received_changing_by_more_than_half_are_large_swings()
    {
        ImportScenario();
        var swings = Report().Findings.Where(f => f.Kind == QualityFindingKind.LargeSwing).ToList();

        Assert.Contains(swings, f => f.AuthorityCode == Wellingborough && f.Detail == "complaints received 10 in 2018-19, 16 in 2019-20: up 60%");
        Assert.DoesNotContain(swings, f => f.AuthorityCode == Cannock);
    }

    [SkippableFact]
    public void A_compliance_outcome_whose_case_has_no_decision_is_listed()
    {
        ImportScenario();
        var finding = Assert.Single(Report().Findings, f => f.Kind == QualityFindingKind.ComplianceForUnknownCase);
        Assert.Equal(Rutland, finding.AuthorityCode);
        Assert.Equal("case OLD-CASE-1: not complied recorded 2019-11-02, but no decision of that case is stored", finding.Detail);
    }

    [SkippableFact]
    public void An_approved_letter_whose_data_changed_is_listed_and_an_unchanged_one_is_not()
    {
        ImportScenario();
        using (var connection = Database.Connect())
        {
            foreach (var letter in YearLetters.Compose(connection, Year, EditionCatalog.Load()).Where(l => l.Letter.AuthorityCode is Rutland or Cannock))
                LetterReview.Approve(connection, letter.Letter.AuthorityCode, Year, letter.ContentHash, new DateTimeOffset(2020, 7, 1, 9, 0, 0, TimeSpan.Zero));
        }
        Assert.DoesNotContain(Report().Findings, f => f.Kind == QualityFindingKind.LetterChangedSinceApproval);

        Import(new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome", $"LATE-1,{Rutland},2019-07-01,upheld"));

        var changed = Assert.Single(Report().Findings, f => f.Kind == QualityFindingKind.LetterChangedSinceApproval);
        Assert.Equal(Rutland, changed.AuthorityCode);
        Assert.StartsWith("approved 2020-07-01T09:00:00Z", changed.Detail);
    }
}

public sealed class SqliteDataQualityTests() : DataQualityTests(DatabaseProvider.Sqlite);

public sealed class PostgresDataQualityTests() : DataQualityTests(DatabaseProvider.PostgreSql);

public sealed class QualityCommandTests
{
    [Fact]
    public void Quality_prints_a_table_of_findings_and_succeeds()
    {
        var path = Path.Combine(Path.GetTempPath(), $"upheld-quality-{Guid.NewGuid():N}.db");
        using var folder = new ImportFolder().With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "OLD-9,E06000017,2019-11-02,complied_late");
        try
        {
            Assert.Equal(0, CliRun.Of("import", folder.Path, "--db", path).ExitCode);
            var run = CliRun.Of("quality", "--year", "2019-20", "--db", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Compliance outcome for an unknown case", run.Output);
            Assert.Contains("case OLD-9: complied late recorded 2019-11-02", run.Output);
            Assert.Contains("1 compliance outcome for an unknown case", run.Output);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }
}
