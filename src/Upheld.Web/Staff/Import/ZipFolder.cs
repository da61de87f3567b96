using System.IO.Compression;
using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>Reads an uploaded zip of an import folder: only the import files, by name, with sizes bounded.</summary>
/// <remarks>
/// Entry paths are never used to write anywhere (only the file name is compared with the import's file names; each entry
/// is inflated to a temporary file of our own naming), so a crafted path cannot escape (zip-slip). The sizes an archive
/// declares are not trusted: bytes are counted as they are inflated, through a fixed buffer to disk, and the count stops at
/// the limit, so memory stays bounded whatever the archive claims. Only a zip that passes is read into memory.
/// </remarks>
public static class ZipFolder
{
    public const long LargestUpload = Hosting.RequestLimits.ImportUploadBytes;
    public const long LargestExpanded = 1024L * 1024 * 1024;

    private const string NotAZip = "The file is not a zip file that can be read.";

    /// <summary>The import files in the zip, at its top or in one folder; or the reason the zip cannot be read.</summary>
    public static (Dictionary<string, byte[]>? Files, string? Problem) Read(Stream zip)
    {
        var folder = Directory.CreateTempSubdirectory("upheld-upload-");
        try
        {
            var (inflated, problem) = Inflate(zip, folder.FullName);
            if (inflated is null) return (null, problem);
            if (inflated.Count == 0) return (null, $"The zip file holds none of the import files ({string.Join(", ", Importer.Files)}).");
            return (inflated.ToDictionary(f => f.Key, f => File.ReadAllBytes(f.Value), StringComparer.Ordinal), null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (Dictionary<string, string>? Files, string? Problem) Inflate(Stream zip, string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var buffer = new byte[81920];
        long expanded = 0;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read);
        }
        // Too short for an end record (ArgumentOutOfRange), or no end record, or one pointing nowhere.
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            return (null, NotAZip);
        }
        using (archive)
        {
            try
            {
                foreach (var entry in archive.Entries)
                {
                    var name = entry.Name;
                    if (name.Length == 0 || !Importer.Files.Contains(name)) continue;
                    if (entry.FullName.Replace('\\', '/').Split('/').Length > 2) continue;
                    var path = Path.Combine(folder, $"{files.Count}.csv");
                    if (!files.TryAdd(name, path))
                        return (null, $"The zip file holds {name} more than once; put the import files in one folder.");
                    using var stream = entry.Open();
                    using var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
                    int read;
                    while ((read = stream.Read(buffer)) > 0)
                    {
                        expanded += read;
                        if (expanded > LargestExpanded) return (null, $"The zip file expands to more than {LargestExpanded / (1024 * 1024)} MB; import it from the command line.");
                        copy.Write(buffer, 0, read);
                    }
                }
            }
            catch (InvalidDataException)
            {
                return (null, NotAZip);
            }
        }
        return (files, null);
    }
}
