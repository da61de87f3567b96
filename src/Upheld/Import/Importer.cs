using System.Data.Common;
using Dapper;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Storage;

namespace Upheld.Import;

/// <summary>How far an import has got, for a progress display.</summary>
public readonly record struct ImportProgress(string File, int Rows, int TotalFiles, int FileNumber);

/// <summary>Imports a folder of open-data CSV files: all or nothing, additive, keyed (docs/data-formats.md).</summary>
/// <remarks>
/// Files are read in dependency order (councils before the cases that name them, decisions before the
/// compliance outcomes that refer to them) inside one transaction, which is rolled back if any row is bad.
/// An import that added or replaced any row tells every year with a publication time that its data changed
/// (<see cref="Publishing.PublishedSnapshots"/>), in the same transaction: its snapshot is retaken before publication, a
/// revision recorded after. Front ends import through <see cref="ImportData"/>, which also writes the audit entry;
/// the methods here, without one, are for tests.
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

    internal ImportResult Import(string folder, bool replace = false, IProgress<ImportProgress>? progress = null) =>
        ImportData.FolderAs(database, folder, replace, actor: null, clock ?? TimeProvider.System, progress);

    internal ImportResult Import(IReadOnlyDictionary<string, byte[]> files, bool replace) =>
        ImportData.FilesAs(database, files, replace, "", actor: null, clock ?? TimeProvider.System);

    internal ImportResult CorrectRecommendation(RecommendationKey original, byte[] recommendationsCsv) =>
        Upheld.Import.CorrectRecommendation.Write(database, original, recommendationsCsv, actor: null, clock ?? TimeProvider.System, corrected: null);

    /// <summary>The files present in <paramref name="folder"/>, in reading order; problems and nothing when there are none.</summary>
    internal static List<(string File, Func<Stream> Open)> InFolder(string folder, ImportProblems problems)
    {
        if (!Directory.Exists(folder))
        {
            problems.AddForFolder($"{folder}: no such folder");
            return [];
        }
        foreach (var unknown in Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !Files.Contains(f!)).Order(StringComparer.Ordinal))
            problems.AddForFolder(NotImported(unknown!));
        if (problems.Any) return [];
        var present = Files.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
        if (present.Count == 0)
            problems.AddForFolder($"{folder}: none of the import files is there (expected one or more of {string.Join(", ", Files)})");
        return present.Select(f => (f, (Func<Stream>)(() => new FileStream(Path.Combine(folder, f), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)))).ToList();
    }

    /// <summary>Files held in memory (an uploaded zip, or one row from a staff form), in reading order; problems and nothing for an unknown name.</summary>
    internal static List<(string File, Func<Stream> Open)> InMemory(IReadOnlyDictionary<string, byte[]> files, ImportProblems problems)
    {
        foreach (var unknown in files.Keys.Where(f => !Files.Contains(f))) problems.AddForFolder(NotImported(unknown));
        if (files.Count == 0) problems.AddForFolder($"none of the import files is there (expected one or more of {string.Join(", ", Files)})");
        if (problems.Any) return [];
        return Files.Where(files.ContainsKey).Select(f => (f, (Func<Stream>)(() => new MemoryStream(files[f], writable: false)))).ToList();
    }

    /// <summary>Opens the change an import runs in: the store migrated, and on SQLite a page cache for a big import of a bounded size.</summary>
    internal static Change Begin(Database database, Accounts.Actor? actor, TimeProvider clock)
    {
        database.Migrate();
        return Change.Begin(database, actor, clock, connection =>
        {
            // 32 MiB of page cache keeps the indexes of a large import in memory instead of re-reading pages from disk, and
            // bounds the memory an import takes however large the file: past it, pages go to the log and the temporary file.
            // Two threads sort a large load's indexes when they are built again (BulkLoad), each in a buffer of its own.
            if (database.Provider == DatabaseProvider.Sqlite) connection.Execute("PRAGMA cache_size = -32768; PRAGMA temp_store = FILE; PRAGMA threads = 2;");
            // The server's memory, not the import's: a large load's indexes are built again at its end, the full-text
            // index several times faster with room to gather its entries (for this session only; the pool resets it).
            else connection.Execute("SET maintenance_work_mem = '256MB'");
        });
    }

    /// <summary>Reads <paramref name="present"/> into the change's transaction; the caller commits only when <paramref name="problems"/> is empty.</summary>
    /// <remarks>
    /// When every row is good and any was added or replaced, the snapshot rule has run for every scheduled year, unless
    /// <paramref name="snapshotScheduledYears"/> is false: then the caller, whose rows are of one year it knows, runs it for that year.
    /// </remarks>
    internal static ImportResult Run(Change change, List<(string File, Func<Stream> Open)> present, bool replace, IProgress<ImportProgress>? progress,
        ImportProblems problems, RecommendationCorrection? correction = null, bool snapshotScheduledYears = true)
    {
        var run = new ImportRun(change.Connection, change.Transaction, replace, problems);
        foreach (var authority in AuthorityStore.All(change.Connection, change.Transaction)) run.Authorities[authority.Code] = authority;
        foreach (var key in change.Connection.Query("SELECT code, year FROM counts", transaction: change.Transaction))
            run.CountedYears.Add(((string)key.code, Convert.ToInt32(key.year)));

        correction?.Before(run);
        var summaries = new List<FileSummary>();
        foreach (var ((file, open), number) in present.Select((f, i) => (f, i + 1)))
        {
            run.File = file;
            var fileProgress = progress is null ? null : new Action<int>(rows => progress.Report(new(file, rows, present.Count, number)));
            using var stream = open();
            summaries.Add(FileImports.For(file).Import(run, stream, fileProgress));
        }
        if (!problems.Any) correction?.After(run);
        if (snapshotScheduledYears && !problems.Any && summaries.Any(s => s.Added + s.Replaced > 0)) change.DataChangedInScheduledYears();
        change.ChangedNothing = correction is null && summaries.All(s => s.Added + s.Replaced == 0);
        return new ImportResult(summaries, problems);
    }
}
