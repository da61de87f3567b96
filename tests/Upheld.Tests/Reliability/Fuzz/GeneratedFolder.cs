using System.Text;
using Upheld.Csv;

namespace Upheld.Tests.Reliability.Fuzz;

/// <summary>One generated import file: its header (in any order, perhaps with an unknown column) and rows aligned to it.</summary>
public sealed record GeneratedFile(string Name, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, bool ByteOrderMark = false)
{
    /// <summary>The file as RFC 4180 text with CRLF line ends; free text is written exactly as generated.</summary>
    public byte[] Bytes() => Encode(Text(Header, Rows));

    public byte[] Encode(string text) =>
        ByteOrderMark ? [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static string Text(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header)) text.Append(Line(row));
        return text.ToString();
    }

    public static string Line(IReadOnlyList<string> fields) => string.Join(',', fields.Select(CsvWriter.Quote)) + "\r\n";

    /// <summary>The physical line a data row starts on: the header is line 1, and line breaks inside quoted fields count.</summary>
    public int LineOf(int row) => 2 + Rows.Take(row).Sum(r => 1 + r.Sum(f => f.Count(c => c == '\n')));

    public string Field(string[] row, string column) => row[IndexOf(column)];

    public int IndexOf(string column) => Header.ToList().IndexOf(column);
}

/// <summary>A generated import folder, written to a temporary directory for one import.</summary>
public sealed class GeneratedFolder(IReadOnlyList<GeneratedFile> files)
{
    public IReadOnlyList<GeneratedFile> Files { get; } = files;

    public GeneratedFile File(string name) => Files.Single(f => f.Name == name);

    /// <summary>Writes every file, with <paramref name="replaced"/> bytes instead of the generated ones where given.</summary>
    public void WriteTo(string path, IReadOnlyDictionary<string, byte[]>? replaced = null)
    {
        foreach (var file in Files)
            System.IO.File.WriteAllBytes(Path.Combine(path, file.Name), replaced?.GetValueOrDefault(file.Name) ?? file.Bytes());
    }
}
