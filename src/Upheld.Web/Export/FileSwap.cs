using System.Runtime.InteropServices;

namespace Upheld.Web.Export;

/// <summary>The file-system steps that make an export incremental and all or nothing: hard links and a folder exchange.</summary>
internal static class FileSwap
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint Exchange = 2; // RENAME_EXCHANGE

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int fromFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string from, int toFolder, [MarshalAs(UnmanagedType.LPUTF8Str)] string to, uint flags);

    /// <summary>
    /// When <paramref name="previous"/> holds exactly <paramref name="bytes"/>, makes <paramref name="file"/> that same file
    /// (a hard link; where links cannot be made, a copy with its modification time) and says so; otherwise does nothing.
    /// </summary>
    public static bool TryLinkSame(string previous, string file, byte[] bytes)
    {
        var old = new FileInfo(previous);
        if (!old.Exists || old.Length != bytes.LongLength) return false;
        if (!File.ReadAllBytes(previous).AsSpan().SequenceEqual(bytes)) return false;
        if (OperatingSystem.IsLinux() && link(previous, file) == 0) return true;
        File.Delete(file);
        File.WriteAllBytes(file, bytes);
        File.SetLastWriteTimeUtc(file, old.LastWriteTimeUtc);
        return true;
    }

    /// <summary>Puts the finished <paramref name="replacement"/> in place of <paramref name="folder"/>, then removes the old copy.</summary>
    /// <remarks>
    /// On Linux the two are exchanged in one step. Where the file system cannot (or off Linux), the old copy is renamed aside
    /// first: a crash between the two renames leaves no folder, and the complete old copy beside it as <c>FOLDER.previous-PID</c>.
    /// </remarks>
    public static void Replace(string folder, string replacement)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(replacement, folder);
            return;
        }
        if (OperatingSystem.IsLinux() && renameat2(CurrentDirectory, replacement, CurrentDirectory, folder, Exchange) == 0)
        {
            // The replacement's name now holds the old copy.
            Directory.Delete(replacement, recursive: true);
            return;
        }
        var aside = $"{folder}.previous-{Environment.ProcessId}";
        Directory.Move(folder, aside);
        Directory.Move(replacement, folder);
        Directory.Delete(aside, recursive: true);
    }
}
