using System.IO.Compression;
using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>Reads an uploaded zip of an import folder into memory: only the import files, by name, with sizes bounded.</summary>
/// <remarks>
/// Entry paths are never used to write anywhere (only the file name is compared with the import's file names), so a
/// crafted path cannot escape (zip-slip); bytes are counted as they are inflated, so a small zip cannot expand without bound.
/// </remarks>
public static class ZipFolder
{
    public const long LargestUpload = Hosting.RequestLimits.ImportUploadBytes;
    public const long LargestExpanded = 1024L * 1024 * 1024;

    /// <summary>The import files in the zip, at its top or in one folder; or the reason the zip cannot be read.</summary>
    public static (Dictionary<string, byte[]>? Files, string? Problem) Read(Stream zip)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long expanded = 0;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                var name = entry.Name;
                if (name.Length == 0 || !Importer.Files.Contains(name)) continue;
                if (entry.FullName.Replace('\\', '/').Split('/').Length > 2) continue;
                if (!files.TryAdd(name, []))
                    return (null, $"The zip file holds {name} more than once; put the import files in one folder.");
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    expanded += read;
                    if (expanded > LargestExpanded) return (null, $"The zip file expands to more than {LargestExpanded / (1024 * 1024)} MB; import it from the command line.");
                    copy.Write(buffer, 0, read);
                }
                files[name] = copy.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            return (null, "The file is not a zip file that can be read.");
        }
        return files.Count == 0
            ? (null, $"The zip file holds none of the import files ({string.Join(", ", Importer.Files)}).")
            : (files, null);
    }
}
