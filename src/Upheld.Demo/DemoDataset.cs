using System.Globalization;
using Dapper;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Demo;

/// <summary>The demonstration dataset: every English council from 2018-19 to 2025-26, generated case by case from a fixed seed.</summary>
/// <remarks>
/// The same seed gives the same folder, byte for byte, on every machine. <see cref="Load"/> imports it with the ordinary
/// importer, publishes each year at its date and marks every authority-year as published or synthetic.
/// </remarks>
public static class DemoDataset
{
    public const int Seed = 20200729;

    /// <summary>Every generated case, with its outcome, remedies, compliance outcome and any public report.</summary>
    public static IReadOnlyList<DemoCase> Generate()
    {
        var random = new DemoRandom(Seed);
        var councils = new Councils(random);
        var cases = CaseJourneys.Generate(random, councils);
        NumberCases(cases);
        DecisionOutcomes.Assign(random, cases, councils);
        Remedies.Recommend(random, cases, councils);
        WorcestershireReport.Pin(random, cases, councils);
        ComplianceOutcomes.Assign(random, cases, councils);
        PublicReports.Choose(random, cases);
        Summaries.Write(random, cases);
        Drifts.Plant(cases);
        return cases;
    }

    /// <summary>Writes the dataset as an import folder.</summary>
    public static void Export(string folder) => DemoFolder.Write(folder, Generate());

    /// <summary>Imports the dataset into <paramref name="database"/>, publishes its years and marks its provenance.</summary>
    /// <param name="actor">Who the audit log names for the load (one entry, the import's); null records none, as <c>serve --demo</c> loads it unasked.</param>
    /// <remarks>
    /// The letters' switches and approvals and the years' publication are seeded history, dated before each publication and
    /// made by no one, so they are written without audit entries of their own (the engine lets this project in for that).
    /// </remarks>
    public static ImportResult Load(Database database, Actor? actor = null)
    {
        var folder = Directory.CreateTempSubdirectory("upheld-demo-");
        try
        {
            Export(folder.FullName);
            var result = ImportData.FolderAs(database, folder.FullName, replace: false, actor, TimeProvider.System,
                source: "demonstration dataset (letters approved, years published)");
            if (!result.Succeeded) return result;
            MarkProvenance(database);
            SetDeadlines(database);
            ReviewLetters(database);
            // Published last, so each year's snapshot holds its approved letters.
            foreach (var year in DemoYears.All) Publication.Set(database, year.Year, year.PublishedAt);
            return result;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Does what staff did before each demonstration year was published: Worcestershire's 2019-20 letter has its
    /// late-remedies paragraph switched off (its commentary says it instead), and every letter is approved.
    /// </summary>
    private static void ReviewLetters(Database database)
    {
        using var connection = database.Connect();
        Letters.LetterReview.Switch(connection, "E10000034", new FinancialYear(2019), "late_remedies", on: false);
        var editions = Letters.EditionCatalog.Load();
        foreach (var year in DemoYears.All.Where(y => editions.For(y.Year) is not null))
            Letters.LetterReview.Approve(connection, Letters.YearLetters.Compose(connection, year.Year, editions).Select(l => (l.Letter.AuthorityCode, year.Year, l.ContentHash)),
                year.PublishedAt.AddDays(-7), "demonstration");
    }

    /// <summary>
    /// The submission deadline of each year councils sent returns for: 24 June after the year ends, with reminders two weeks
    /// before, so that some self-assessments (sent from mid-May to the end of June) are late. Set before the letters are
    /// reviewed, as their complaint-handling paragraphs follow it.
    /// </summary>
    private static void SetDeadlines(Database database)
    {
        foreach (var year in DemoYears.All.Select(y => y.Year).Where(y => y >= ComplaintHandlingReturns.FirstYear))
            Upheld.ComplaintHandling.SetSubmissionDeadline.Write(database, new(year, new DateOnly(year.StartYear + 1, 6, 24), 14));
    }

    /// <summary>Loads the dataset only into a database holding no cases and no counts, as <c>upheld serve --demo</c> does; true if it loaded.</summary>
    public static bool LoadIfEmpty(Database database)
    {
        database.Migrate();
        using (var connection = database.Connect())
        {
            var empty = connection.ExecuteScalar<long>(
                "SELECT (SELECT COUNT(*) FROM received) + (SELECT COUNT(*) FROM decisions) + (SELECT COUNT(*) FROM compliance) + (SELECT COUNT(*) FROM counts)") == 0;
            if (!empty) return false;
        }
        var result = Load(database);
        if (!result.Succeeded) throw new InvalidOperationException("the demonstration dataset could not be imported: " + string.Join("; ", result.Problems.Lines()));
        return true;
    }

    private static void MarkProvenance(Database database)
    {
        using var connection = database.Connect();
        using var transaction = connection.BeginTransaction();
        var councils = Authorities.AuthorityStore.All(connection, transaction);
        var rows = DemoYears.All.SelectMany(y => councils.Where(c => c.ExistsIn(y.Year)).Select(c =>
            PublishedCouncils.IsPublished(c.Code, y.Year)
                ? (c.Code, y.Year, DataSource.Published, (string?)"figures of the ombudsman's 2020 annual review letter")
                : (c.Code, y.Year, DataSource.Synthetic, (string?)"generated demonstration data")));
        Provenance.Record(connection, rows, transaction);
        Provenance.MarkDemonstration(connection, transaction);
        DataVersion.Advance(connection, transaction);
        transaction.Commit();
    }

    // References like the ombudsman's: the year received, then a running number in the order complaints arrived.
    private static void NumberCases(List<DemoCase> cases)
    {
        foreach (var year in cases.GroupBy(c => FinancialYear.Containing(c.Received)).OrderBy(g => g.Key))
        {
            var number = 0;
            foreach (var complaint in year.OrderBy(c => c.Received).ThenBy(c => c.ReceivedBy.Code, StringComparer.Ordinal))
            {
                number++;
                complaint.Ref = string.Create(CultureInfo.InvariantCulture, $"{year.Key.StartYear % 100:00}-{number / 1000:000}-{number % 1000:000}");
            }
        }
    }
}
