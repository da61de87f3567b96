using System.Data.Common;
using Dapper;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Storage;

namespace Upheld.Import;

/// <summary>A caller's own writing inside an import's transaction, once every row is good: it sees what each file did.</summary>
public delegate void BeforeCommit(DbConnection connection, DbTransaction transaction, IReadOnlyList<FileSummary> files);

/// <summary>How far an import has got, for a progress display.</summary>
public readonly record struct ImportProgress(string File, int Rows, int TotalFiles, int FileNumber);

/// <summary>Imports a folder of open-data CSV files: all or nothing, additive, keyed (see DATA-FORMATS.md).</summary>
/// <remarks>
/// Files are read in dependency order (councils before the cases that name them, decisions before the
/// compliance outcomes that refer to them) inside one transaction, which is rolled back if any row is bad.
/// After a successful import that added or replaced any row, every year with a publication time is told its data changed
/// (<see cref="Publishing.PublishedSnapshots"/>): its snapshot is retaken before publication, a revision recorded after.
/// </remarks>
public sealed class Importer(Database database, TimeProvider? clock = null)
{
    /// <summary>The files an import folder may hold, in the order they are read.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "authorities.csv", "populations.csv", "contacts.csv", "counts.csv", "received.csv", "decisions.csv",
        "recommendations.csv", "compliance.csv", "public_reports.csv", "commentary.csv",
        "complaint_returns.csv", "code_self_assessments.csv",
    ];

    /// <summary>Why a file is refused by name: a typo such as <c>decision.csv</c> would otherwise lose a whole file without a word.</summary>
    public static string NotImported(string file) => $"{file} is not a file Upheld imports (it imports {string.Join(", ", Files)})";

    /// <param name="beforeCommit">Runs inside the transaction when every row is good, with what each file did, so a caller's own record (an audit entry) commits with the data or not at all.</param>
    public ImportResult Import(string folder, bool replace = false, IProgress<ImportProgress>? progress = null, BeforeCommit? beforeCommit = null)
    {
        var problems = new ImportProblems();
        if (!Directory.Exists(folder))
        {
            problems.AddForFolder($"{folder}: no such folder");
            return new ImportResult([], problems);
        }
        foreach (var unknown in Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !Files.Contains(f!)).Order(StringComparer.Ordinal))
            problems.AddForFolder(NotImported(unknown!));
        if (problems.Any) return new ImportResult([], problems);
        var present = Files.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        if (present.Count == 0)
        {
            problems.AddForFolder($"{folder}: none of the import files is there (expected one or more of {string.Join(", ", Files)})");
            return new ImportResult([], problems);
        }
        return Run(present.Select(f => (f, (Func<byte[]>)(() => File.ReadAllBytes(Path.Combine(folder, f))))).ToList(), replace, progress, problems, beforeCommit);
    }

    /// <summary>Imports files held in memory (an uploaded zip, or one row from a staff form): the same checks and the same single transaction.</summary>
    /// <param name="files">File name (one of <see cref="Files"/>) to its bytes.</param>
    /// <param name="beforeCommit">Runs inside the transaction when every row is good, so a caller's own record (an audit entry) commits with the data or not at all.</param>
    public ImportResult Import(IReadOnlyDictionary<string, byte[]> files, bool replace, BeforeCommit? beforeCommit = null)
    {
        var problems = new ImportProblems();
        foreach (var unknown in files.Keys.Where(f => !Files.Contains(f))) problems.AddForFolder(NotImported(unknown));
        if (files.Count == 0) problems.AddForFolder($"none of the import files is there (expected one or more of {string.Join(", ", Files)})");
        if (problems.Any) return new ImportResult([], problems);
        var present = Files.Where(files.ContainsKey).Select(f => (f, (Func<byte[]>)(() => files[f]))).ToList();
        return Run(present, replace, null, problems, beforeCommit);
    }

    /// <summary>Corrects one stored recommendation in place, its wording (part of its key) included, keeping its place in a letter's list.</summary>
    /// <remarks>
    /// The recommendation is taken out and <paramref name="recommendationsCsv"/> (one row) put in by the import itself, in one transaction,
    /// so the row is checked exactly as an import checks it. Words that another recommendation of the same case and kind already has are refused.
    /// </remarks>
    public ImportResult CorrectRecommendation(RecommendationKey original, byte[] recommendationsCsv, BeforeCommit? beforeCommit = null) =>
        Run([("recommendations.csv", () => recommendationsCsv)], replace: false, null, new ImportProblems(), beforeCommit,
            new RecommendationCorrection(original, recommendationsCsv));

    private ImportResult Run(List<(string File, Func<byte[]> Read)> present, bool replace, IProgress<ImportProgress>? progress, ImportProblems problems,
        BeforeCommit? beforeCommit, RecommendationCorrection? correction = null)
    {
        database.Migrate();
        using var connection = database.Connect();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // A large page cache keeps the indexes of a million-row import in memory instead of re-reading pages from disk.
            connection.Execute("PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        }
        using var transaction = connection.BeginTransaction();
        var run = new ImportRun(connection, transaction, replace, problems);
        foreach (var authority in AuthorityStore.All(connection, transaction)) run.Authorities[authority.Code] = authority;
        foreach (var key in connection.Query("SELECT code, year FROM counts", transaction: transaction))
            run.CountedYears.Add(((string)key.code, Convert.ToInt32(key.year)));

        correction?.Before(run);
        var summaries = new List<FileSummary>();
        foreach (var ((file, read), number) in present.Select((f, i) => (f, i + 1)))
        {
            run.File = file;
            string text;
            try
            {
                text = CsvReader.Decode(read());
            }
            catch (CsvFormatException e)
            {
                run.Report(e.Line, null, e.Message);
                continue;
            }
            var fileProgress = progress is null ? null : new Action<int>(rows => progress.Report(new(file, rows, present.Count, number)));
            summaries.Add(FileImports.For(file).Import(run, text, fileProgress));
        }
        if (!problems.Any) correction?.After(run);
        if (!problems.Any) beforeCommit?.Invoke(connection, transaction, summaries);
        if (problems.Any) transaction.Rollback();
        else transaction.Commit();
        if (!problems.Any && summaries.Any(s => s.Added + s.Replaced > 0))
            Publishing.PublishedSnapshots.DataChangedInScheduledYears(database, (clock ?? TimeProvider.System).GetUtcNow());
        return new ImportResult(summaries, problems);
    }
}
