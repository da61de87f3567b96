namespace Upheld.Tests.Import;

/// <summary>A temporary import folder written file by file, deleted afterwards.</summary>
public sealed class ImportFolder : IDisposable
{
    public ImportFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"upheld-import-{Guid.NewGuid():N}");

    /// <summary>Writes a file from lines, the header first, joined with CRLF as RFC 4180 has it.</summary>
    public ImportFolder With(string file, params string[] lines)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), string.Join("\r\n", lines) + "\r\n");
        return this;
    }

    public ImportFolder WithBytes(string file, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, file), bytes);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
