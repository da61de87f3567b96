using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Upheld.Letters;

namespace Upheld.Documents;

/// <summary>What writing a year's letters did: files written, PDFs reused from the store, and letters that failed.</summary>
public sealed record LetterFilesResult(int Written, int PdfsReused, IReadOnlyList<string> Failures, IReadOnlyList<string> ChangedSinceApproval);

/// <summary>Writes composed letters into a folder, one file per council and format, each written atomically.</summary>
/// <remarks>
/// File names start with the council's code. Other files in the folder are left alone. A PDF is printed only when no
/// rendering of the same HTML (content, edition and template) is kept in the store; a failed print names the council
/// and the rest carry on. The letters to print go to Chromium <see cref="LettersPerPrint"/> at a time as one document,
/// cut apart afterwards (<see cref="LetterPdf.PrintTogetherAsync"/>); letters that cannot share a print are printed
/// one by one.
/// </remarks>
public static class LetterFiles
{
    public static readonly IReadOnlyList<string> Formats = ["html", "pdf"];

    /// <summary>How many letters Chromium prints as one document (then cut apart): the saving per letter levels off past this.</summary>
    public const int LettersPerPrint = 8;

    public static string FileName(Letter letter, string format) =>
        $"{letter.AuthorityCode}-{Slug.For(letter.AuthorityName)}-{letter.Year}-letter.{format}";

    public static async Task<LetterFilesResult> WriteAsync(
        IReadOnlyList<ComposedLetter> letters, IReadOnlySet<string> formats, string folder,
        Func<DbConnection> connect, Func<Task<LetterPdf>>? startPdf = null, Action<ComposedLetter>? done = null)
    {
        Directory.CreateDirectory(folder);
        ClearAbandonedFiles(letters, formats, folder);
        // The browser starts only when a PDF is not already kept, and once for all letters.
        var printer = new Lazy<Task<LetterPdf>>(startPdf ?? (() => LetterPdf.StartAsync()));
        var gate = new object();
        var failures = new List<string>();
        var written = 0;
        var reused = 0;
        await using var html = new LetterHtml();
        var pending = new List<Task>();
        var group = new List<(ComposedLetter Composed, string Page, string Key)>();
        using var connection = connect();
        foreach (var composed in letters)
        {
            var page = await html.RenderAsync(composed.Letter, composed.Edition);
            if (formats.Contains("html"))
            {
                WriteAtomically(Path.Combine(folder, FileName(composed.Letter, "html")), Encoding.UTF8.GetBytes(page));
                lock (gate) written++;
            }
            if (!formats.Contains("pdf")) { done?.Invoke(composed); continue; }
            // Keyed by the page printed, so a change of template or style re-prints as surely as a change of data.
            var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page)));
            byte[]? kept;
            lock (gate) kept = RenderedLetters.Find(connection, key, "pdf");
            if (kept is not null)
            {
                WriteAtomically(Path.Combine(folder, FileName(composed.Letter, "pdf")), kept);
                lock (gate) { written++; reused++; }
                done?.Invoke(composed);
                continue;
            }
            group.Add((composed, page, key));
            if (group.Count == LettersPerPrint)
            {
                pending.Add(PrintGroupAsync(group));
                group = [];
            }
        }
        if (group.Count > 0) pending.Add(PrintGroupAsync(group));
        try
        {
            await Task.WhenAll(pending);
        }
        finally
        {
            if (printer.IsValueCreated && printer.Value.IsCompletedSuccessfully) await printer.Value.Result.DisposeAsync();
        }
        return new LetterFilesResult(written, reused, failures.Order(StringComparer.Ordinal).ToList(),
            letters.Where(l => l.Approval == ApprovalState.ChangedSinceApproval).Select(l => l.Letter.AuthorityCode).ToList());

        // Letters printed together cost Chromium less than one by one; when they cannot be, or their print cannot be cut
        // apart, each is printed alone and fails alone.
        async Task PrintGroupAsync(List<(ComposedLetter Composed, string Page, string Key)> letters)
        {
            IReadOnlyList<byte[]>? pdfs = null;
            if (letters.Count > 1)
            {
                try
                {
                    pdfs = await (await printer.Value).PrintTogetherAsync(letters.Select(l => l.Page).ToList());
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Printed one at a time below, where a failure names its council.
                }
            }
            if (pdfs is null)
            {
                await Task.WhenAll(letters.Select(l => PrintAsync(l.Composed, l.Page, l.Key, null)));
                return;
            }
            for (var i = 0; i < letters.Count; i++) await PrintAsync(letters[i].Composed, letters[i].Page, letters[i].Key, pdfs[i]);
        }

        async Task PrintAsync(ComposedLetter composed, string page, string key, byte[]? printed)
        {
            try
            {
                var bytes = printed ?? await (await printer.Value).PrintAsync(page);
                lock (gate)
                {
                    RenderedLetters.Keep(connection, composed.Letter, key, "pdf", bytes);
                    WriteAtomically(Path.Combine(folder, FileName(composed.Letter, "pdf")), bytes);
                    written++;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                lock (gate) failures.Add($"{composed.Letter.AuthorityCode} {composed.Letter.AuthorityName}: the PDF failed: {e.Message}");
            }
            done?.Invoke(composed);
        }
    }

    /// <summary>Deletes the half-written temporary files a killed run left beside these letters' files, and no others.</summary>
    private static void ClearAbandonedFiles(IReadOnlyList<ComposedLetter> letters, IReadOnlySet<string> formats, string folder)
    {
        foreach (var name in letters.SelectMany(l => formats.Select(f => FileName(l.Letter, f))))
            foreach (var abandoned in Directory.EnumerateFiles(folder, $".{name}.*.tmp")) File.Delete(abandoned);
    }

    /// <summary>Writes beside the target and renames over it, so a reader never sees half a file.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
