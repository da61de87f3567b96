using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text;

namespace Upheld.Web.Export;

/// <summary>
/// Brings an existing export folder up to date in place, all or nothing: the new and changed files, written beforehand into a
/// staging folder beside it, are moved in; files no longer exported are moved out; a journal written first lets a failure,
/// or the next export after a crash, put every moved file back.
/// </summary>
/// <remarks>
/// <para>The staging folder (<c>FOLDER.partial-PID</c>, in the same parent so that renames stay on one file system) holds
/// <c>new/</c>, the files to move in at their paths; <c>old/</c>, each file moved out or replaced, at its path; and
/// <c>journal</c>, every step to take, written and flushed to disk before the first. The steps, in order: move out the files
/// no longer exported (<c>D</c>), remove the folders they leave empty (<c>E</c>), make the folders the new files need
/// (<c>M</c>), move in the new files (<c>A</c>), and replace the changed ones (<c>R</c>: the old file is first linked into
/// <c>old/</c>, then the new one renamed over it, so a reader never finds the path missing).</para>
/// <para>Removing the journal is the moment the update is done. Undoing runs the steps backwards, each only if it was
/// taken (a moved file is no longer where it was), so it can itself be interrupted and run again.</para>
/// </remarks>
internal static class FolderUpdate
{
    public const string Journal = "journal";
    public const string NewFiles = "new";
    public const string OldFiles = "old";

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    /// <summary>One step of an update: its kind (D, E, M, A, R, as above) and the path relative to the export folder, with '/'.</summary>
    public readonly record struct Step(char Kind, string Path);

    /// <summary>Stops an update after some steps, as a failure (undone at once) or a crash (left for the next export) would; for tests.</summary>
    internal sealed record Interruption(int AfterSteps, bool Crash);

    /// <summary>Thrown by an <see cref="Interruption"/> that stands for a crash: nothing is undone.</summary>
    internal sealed class SimulatedCrash() : Exception("The export was stopped halfway through its update, as by a crash.");

    /// <summary>
    /// The steps that make <paramref name="folder"/> hold exactly <paramref name="exported"/> (relative paths with '/'), given
    /// the new and changed files already in <paramref name="staging"/>'s <c>new/</c>.
    /// </summary>
    public static List<Step> Plan(string folder, string staging, IReadOnlyCollection<string> exported)
    {
        var wanted = new HashSet<string>(exported, StringComparer.Ordinal);
        var neededFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in wanted)
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                if (!neededFolders.Add(path[..slash])) break;

        var files = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        // Every entry, dot files too: the folder holds exactly the export afterwards, as a fresh copy would.
        var everything = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        // A link to a folder is not followed, and goes like a file.
        var entries = new FileSystemEnumerable<(string Path, bool IsFolder)>(folder,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0), everything);
        foreach (var (path, isFolder) in entries) (isFolder ? folders : files).Add(Relative(folder, path));

        var steps = new List<Step>();
        steps.AddRange(files.Where(f => !wanted.Contains(f)).Order(StringComparer.Ordinal).Select(f => new Step('D', f)));
        // Deepest first, so each is empty when its turn comes.
        steps.AddRange(folders.Where(f => !neededFolders.Contains(f)).OrderByDescending(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => new Step('E', f)));
        var arriving = Directory.Exists(Path.Combine(staging, NewFiles))
            ? Directory.EnumerateFiles(Path.Combine(staging, NewFiles), "*", everything).Select(f => Relative(Path.Combine(staging, NewFiles), f)).ToList()
            : [];
        var madeFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in arriving)
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
                if (folders.Contains(path[..slash]) || !madeFolders.Add(path[..slash])) break;
        // Shallowest first, so each one's parent is there.
        steps.AddRange(madeFolders.OrderBy(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal).Select(f => new Step('M', f)));
        steps.AddRange(arriving.Where(f => !files.Contains(f)).Order(StringComparer.Ordinal).Select(f => new Step('A', f)));
        steps.AddRange(arriving.Where(files.Contains).Order(StringComparer.Ordinal).Select(f => new Step('R', f)));
        return steps;
    }

    /// <summary>Takes <paramref name="steps"/> under a journal; on a failure puts everything back and rethrows.</summary>
    public static void Apply(string folder, string staging, IReadOnlyList<Step> steps, Interruption? interruption = null)
    {
        WriteJournal(staging, steps);
        var taken = 0;
        try
        {
            foreach (var step in steps)
            {
                if (interruption is { } stop && taken == stop.AfterSteps) throw stop.Crash ? new SimulatedCrash() : new IOException("The update was interrupted.");
                Take(folder, staging, step);
                taken++;
            }
        }
        catch (SimulatedCrash)
        {
            throw;
        }
        catch
        {
            // Left as it is when undoing fails too: the next export finds the journal and undoes it then.
            Undo(folder, staging, steps);
            throw;
        }
        // The moment the update is done.
        File.Delete(Path.Combine(staging, Journal));
    }

    /// <summary>Undoes an update a crash interrupted, when <paramref name="staging"/> holds its journal; true when there was one.</summary>
    public static bool UndoInterrupted(string folder, string staging)
    {
        var journal = Path.Combine(staging, Journal);
        if (!File.Exists(journal)) return false;
        var steps = File.ReadAllLines(journal, Encoding.UTF8).Where(l => l.Length > 2).Select(l => new Step(l[0], l[2..])).ToList();
        Undo(folder, staging, steps);
        return true;
    }

    private static void WriteJournal(string staging, IReadOnlyList<Step> steps)
    {
        var text = new StringBuilder();
        foreach (var step in steps)
        {
            if (step.Path.Contains('\n', StringComparison.Ordinal)) throw new IOException($"An exported path holds a line break: {step.Path}");
            text.Append(step.Kind).Append(' ').Append(step.Path).Append('\n');
        }
        using var file = new FileStream(Path.Combine(staging, Journal), FileMode.CreateNew, FileAccess.Write);
        file.Write(Encoding.UTF8.GetBytes(text.ToString()));
        // On disk before the first file moves, so that a crash of the machine finds it too.
        file.Flush(flushToDisk: true);
    }

    private static void Take(string folder, string staging, Step step)
    {
        var (inFolder, incoming, kept) = Places(folder, staging, step.Path);
        switch (step.Kind)
        {
            case 'D':
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                File.Move(inFolder, kept);
                break;
            case 'E':
                Directory.Delete(inFolder);
                break;
            case 'M':
                Directory.CreateDirectory(inFolder);
                break;
            case 'A':
                File.Move(incoming, inFolder);
                break;
            case 'R':
                Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
                KeepCopy(inFolder, kept);
                File.Move(incoming, inFolder, overwrite: true);
                break;
            default:
                throw new IOException($"Unknown step in the export journal: {step.Kind}");
        }
    }

    // Backwards, each step only where it was taken; safe to run again after it was itself interrupted.
    private static void Undo(string folder, string staging, IReadOnlyList<Step> steps)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var (inFolder, incoming, kept) = Places(folder, staging, steps[i].Path);
            switch (steps[i].Kind)
            {
                case 'R':
                    // The new file is in place once it left new/; the old one waits in old/ either way.
                    if (!File.Exists(incoming) && File.Exists(kept)) File.Move(kept, inFolder, overwrite: true);
                    break;
                case 'A':
                    if (!File.Exists(incoming) && File.Exists(inFolder)) File.Delete(inFolder);
                    break;
                case 'M':
                    if (Directory.Exists(inFolder) && !Directory.EnumerateFileSystemEntries(inFolder).Any()) Directory.Delete(inFolder);
                    break;
                case 'E':
                    Directory.CreateDirectory(inFolder);
                    break;
            }
        }
        // Files moved out go back once their folders are there again.
        foreach (var step in steps.Where(s => s.Kind == 'D'))
        {
            var (inFolder, _, kept) = Places(folder, staging, step.Path);
            if (File.Exists(kept) && !File.Exists(inFolder))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(inFolder)!);
                File.Move(kept, inFolder);
            }
        }
        File.Delete(Path.Combine(staging, Journal));
    }

    // The same file under a second name (a hard link: same inode and time); a copy with its time where links cannot be made.
    private static void KeepCopy(string file, string copy)
    {
        if (File.Exists(copy)) File.Delete(copy);
        if (OperatingSystem.IsLinux() && link(file, copy) == 0) return;
        File.Copy(file, copy);
        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
    }

    private static (string InFolder, string Incoming, string Kept) Places(string folder, string staging, string path) =>
        (Path.Combine(folder, path), Path.Combine(staging, NewFiles, path), Path.Combine(staging, OldFiles, path));

    private static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
}
