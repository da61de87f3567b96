using System.Buffers;
using System.Text;

namespace Upheld.Csv;

/// <summary>One CSV record and the physical line it starts on (the header is line 1).</summary>
public readonly record struct CsvRecord(int Line, string[] Fields);

/// <summary>A CSV file that cannot be read past some point: bad UTF-8 or broken quoting.</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>Reads RFC 4180 CSV text into records, counting physical lines.</summary>
/// <remarks>
/// Written here rather than taken from a library because error messages must name the physical line
/// of a record, which differs from its record number when quoted fields hold line breaks.
/// Completely blank lines are skipped.
/// </remarks>
public static class CsvReader
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (a byte-order mark is allowed), naming the line of the first invalid byte.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return StrictUtf8.GetString(bytes);
        var line = 1;
        var index = 0;
        while (index < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[index..], new char[4096], out var read, out _, replaceInvalidSequences: false);
            line += bytes.Slice(index, read).Count((byte)'\n');
            index += read;
            if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData) break;
        }
        throw new CsvFormatException(line, "text is not valid UTF-8; save the file as UTF-8");
    }

    public static IEnumerable<CsvRecord> Read(string text)
    {
        var position = 0;
        var line = 1;
        var fields = new List<string>();
        var quoted = new StringBuilder();
        while (position < text.Length)
        {
            var recordLine = line;
            fields.Clear();
            while (true)
            {
                if (position < text.Length && text[position] == '"')
                {
                    position = ReadQuoted(text, position + 1, ref line, recordLine, quoted);
                    fields.Add(quoted.ToString());
                    if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                        throw new CsvFormatException(line, "unexpected text after a closing quote; double any quote inside a quoted field");
                }
                else
                {
                    var length = text.AsSpan(position).IndexOfAny(UnquotedStops);
                    if (length < 0) length = text.Length - position;
                    if (position + length < text.Length && text[position + length] == '"')
                        throw new CsvFormatException(line, "a quote inside an unquoted field; quote the whole field and double the quote");
                    fields.Add(text.Substring(position, length));
                    position += length;
                }
                if (position < text.Length && text[position] == ',')
                {
                    position++;
                    continue;
                }
                break;
            }
            if (position < text.Length && text[position] == '\r') position++;
            if (position < text.Length && text[position] == '\n') position++;
            line++;
            if (fields.Count == 1 && fields[0].Length == 0) continue;
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }

    private static int ReadQuoted(string text, int position, ref int line, int recordLine, StringBuilder value)
    {
        value.Clear();
        while (true)
        {
            var end = text.IndexOf('"', position);
            if (end < 0) throw new CsvFormatException(recordLine, "a quoted field is not closed before the end of the file");
            var part = text.AsSpan(position, end - position);
            line += part.Count('\n');
            value.Append(part);
            if (end + 1 < text.Length && text[end + 1] == '"')
            {
                value.Append('"');
                position = end + 2;
                continue;
            }
            return end + 1;
        }
    }
}
