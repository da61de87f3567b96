using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Import;

/// <summary>Adds or corrects one decision, recommendation or compliance outcome from a staff form (<c>/staff/record/{kind}</c>).</summary>
/// <remarks>
/// The form's values become a one-row file of the import format and go through the import, so a form accepts exactly what
/// an import accepts and refuses it with the same reasons; the command line records the same row with <c>upheld import</c>
/// of that file. The row, an audit entry with the row before and after (none when nothing changed) and the published
/// snapshots commit together.
/// </remarks>
public static class RecordCase
{
    /// <param name="values">Column to value, for the columns of <paramref name="kind"/>.</param>
    /// <param name="correcting">True to replace the stored row with the same key; false refuses a row that differs from one stored.</param>
    /// <param name="note">Why, and whether it corrects an error, for a change to a published year (its new version carries it).</param>
    public static ImportResult Run(Database database, CaseRow kind, IReadOnlyDictionary<string, string?> values, bool correcting, Actor actor, TimeProvider clock,
        Publishing.RevisionNote? note = null)
    {
        var file = kind.AsImportFile(values);
        using var change = Importer.Begin(database, actor, clock);
        change.Note = note;
        var before = StoredRows.Json(StoredRows.Find(change.Connection, change.Transaction, kind, values));
        var result = Importer.Run(change, [(kind.File, () => new MemoryStream(file, writable: false))], replace: correcting, progress: null, new ImportProblems());
        if (!result.Succeeded) return result;
        var after = StoredRows.Json(StoredRows.Find(change.Connection, change.Transaction, kind, values));
        if (before != after)
            change.Audit(before is null ? $"add {kind.Slug}" : $"correct {kind.Slug}", $"{kind.Table} {string.Join(" ", kind.Key.Select(k => values[k]))}", before, after);
        change.Commit();
        return result;
    }
}
