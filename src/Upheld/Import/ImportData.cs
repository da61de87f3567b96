using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Import;

/// <summary>Imports a folder of CSV files, or the same files uploaded as a zip: <c>upheld import</c> and <c>/staff/import</c>.</summary>
/// <remarks>
/// All or nothing: the rows, one audit entry for the whole import (where it came from, and per file its rows added,
/// unchanged and replaced) and the published snapshots of the scheduled years commit together, or a bad row leaves the
/// store as it was and the result lists every problem.
/// </remarks>
public static class ImportData
{
    /// <param name="folder">The folder as given; the audit log names it by its full path.</param>
    /// <param name="note">Why, and whether it corrects an error, for a change to a published year (its new version carries it).</param>
    public static ImportResult Folder(Database database, string folder, bool replace, Actor actor, TimeProvider clock, IProgress<ImportProgress>? progress = null,
        Publishing.RevisionNote? note = null) =>
        FolderAs(database, folder, replace, actor, clock, progress, note: note);

    /// <param name="files">File name (one of <see cref="Importer.Files"/>) to its bytes.</param>
    /// <param name="source">How the audit log names where they came from, such as <c>upload folder.zip</c>.</param>
    public static ImportResult Files(Database database, IReadOnlyDictionary<string, byte[]> files, bool replace, string source, Actor actor, TimeProvider clock,
        Publishing.RevisionNote? note = null) =>
        FilesAs(database, files, replace, source, actor, clock, note);

    /// <param name="actor">Null only for an import no one made: tests, and the demonstration loaded by <c>serve --demo</c>.</param>
    internal static ImportResult FolderAs(Database database, string folder, bool replace, Actor? actor, TimeProvider clock, IProgress<ImportProgress>? progress = null,
        string? source = null, Publishing.RevisionNote? note = null)
    {
        var problems = new ImportProblems();
        var present = Importer.InFolder(folder, problems);
        return problems.Any ? new ImportResult([], problems) : Run(database, present, replace, source ?? $"folder {Path.GetFullPath(folder)}", actor, clock, progress, problems, note);
    }

    internal static ImportResult FilesAs(Database database, IReadOnlyDictionary<string, byte[]> files, bool replace, string source, Actor? actor, TimeProvider clock,
        Publishing.RevisionNote? note = null)
    {
        var problems = new ImportProblems();
        var present = Importer.InMemory(files, problems);
        return problems.Any ? new ImportResult([], problems) : Run(database, present, replace, source, actor, clock, null, problems, note);
    }

    private static ImportResult Run(Database database, List<(string File, Func<Stream> Open)> present, bool replace, string source, Actor? actor,
        TimeProvider clock, IProgress<ImportProgress>? progress, ImportProblems problems, Publishing.RevisionNote? note)
    {
        using var change = Importer.Begin(database, actor, clock);
        change.Note = note;
        var result = Importer.Run(change, present, replace, progress, problems);
        if (!result.Succeeded) return result;
        Audits.Import(change, source, replace, result.Files);
        change.Commit();
        return result;
    }
}
