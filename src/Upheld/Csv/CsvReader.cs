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
/// Completely blank lines are skipped. A file is read as it streams, a block at a time, so an import holds
/// one block and one record of a file however long the file is.
/// </remarks>
public static class CsvReader
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    internal const string NotUtf8 = "text is not valid UTF-8; save the file as UTF-8";

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
        throw new CsvFormatException(line, NotUtf8);
    }

    public static IEnumerable<CsvRecord> Read(string text) => Read(new StringReader(text));

    /// <summary>The records of UTF-8 bytes as they stream (a byte-order mark is allowed); invalid UTF-8 ends the records with a <see cref="CsvFormatException"/> naming its line.</summary>
    public static IEnumerable<CsvRecord> Read(Stream utf8) => Read(new StrictUtf8Reader(utf8));

    public static IEnumerable<CsvRecord> Read(TextReader reader) => Read(reader, 1 << 16);

    /// <param name="blockSize">How many characters are read at a time; tests make it small, so that blocks end at every kind of place.</param>
    internal static IEnumerable<CsvRecord> Read(TextReader reader, int blockSize)
    {
        var parser = new Parser(reader, blockSize);
        while (parser.Next() is { } record) yield return record;
    }

    /// <summary>The parser's state: a block of text, where the next record starts in it, and the physical line there.</summary>
    private sealed class Parser(TextReader reader, int blockSize)
    {
        private readonly int _leastRoom = Math.Min(4096, blockSize / 2);
        private char[] _buffer = new char[blockSize];
        private int _start;
        private int _end;
        private bool _atEnd;
        private int _line = 1;
        private readonly List<string> _fields = [];
        private readonly StringBuilder _quoted = new();

        /// <summary>The next record, or null at the end of the text.</summary>
        public CsvRecord? Next()
        {
            while (true)
            {
                if (_start == _end && !Fill()) return null;
                // A record is parsed from its start again whenever the block ends inside it, so a record is never split.
                var line = _line;
                var position = _start;
                if (TryRecord(ref position, ref line) is { } complete)
                {
                    _start = position;
                    _line = line;
                    if (complete) return new CsvRecord(_recordLine, _fields.ToArray());
                    continue; // a blank line
                }
                if (!Fill()) throw new InvalidOperationException("unreachable: at the end of the text every record is complete");
            }
        }

        private int _recordLine;

        /// <summary>Parses one record from <paramref name="position"/>: true for a record, false for a blank line, null when the block ends inside it.</summary>
        private bool? TryRecord(ref int position, ref int line)
        {
            var text = _buffer.AsSpan(0, _end);
            _recordLine = line;
            _fields.Clear();
            while (true)
            {
                if (position < _end && text[position] == '"')
                {
                    if (ReadQuoted(text, position + 1, ref line) is not { } after) return null;
                    position = after;
                    _fields.Add(_quoted.ToString());
                    if (position == _end && !_atEnd) return null;
                    if (position < _end && text[position] is not (',' or '\r' or '\n'))
                        throw new CsvFormatException(line, "unexpected text after a closing quote; double any quote inside a quoted field");
                }
                else
                {
                    var length = text[position..].IndexOfAny(UnquotedStops);
                    if (length < 0)
                    {
                        if (!_atEnd) return null;
                        length = _end - position;
                    }
                    if (position + length < _end && text[position + length] == '"')
                        throw new CsvFormatException(line, "a quote inside an unquoted field; quote the whole field and double the quote");
                    _fields.Add(length == 0 ? "" : new string(text.Slice(position, length)));
                    position += length;
                }
                if (position < _end && text[position] == ',')
                {
                    position++;
                    continue;
                }
                break;
            }
            if (position < _end && text[position] == '\r')
            {
                // A line break split between blocks: wait for the next block to see whether a \n follows.
                if (position + 1 == _end && !_atEnd) return null;
                position++;
            }
            if (position < _end && text[position] == '\n') position++;
            line++;
            return !(_fields.Count == 1 && _fields[0].Length == 0);
        }

        /// <summary>The position after a quoted field's closing quote, its value in <see cref="_quoted"/>; null when the block ends first.</summary>
        private int? ReadQuoted(ReadOnlySpan<char> text, int position, ref int line)
        {
            _quoted.Clear();
            while (true)
            {
                var end = text[position..].IndexOf('"');
                if (end < 0)
                {
                    if (_atEnd) throw new CsvFormatException(_recordLine, "a quoted field is not closed before the end of the file");
                    return null;
                }
                end += position;
                var part = text[position..end];
                line += part.Count('\n');
                _quoted.Append(part);
                if (end + 1 == _end && !_atEnd) return null; // is the quote doubled? The next block says.
                if (end + 1 < _end && text[end + 1] == '"')
                {
                    _quoted.Append('"');
                    position = end + 2;
                    continue;
                }
                return end + 1;
            }
        }

        /// <summary>Moves the unread text to the front and reads more after it; false when there is no more.</summary>
        private bool Fill()
        {
            if (_atEnd) return false;
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_buffer.Length - _end < _leastRoom) Array.Resize(ref _buffer, _buffer.Length * 2); // one record longer than a block
            var read = reader.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) _atEnd = true;
            _end += read;
            return true;
        }
    }
}

/// <summary>Decodes a stream of UTF-8 a block at a time, refusing invalid bytes with the physical line they are on.</summary>
internal sealed class StrictUtf8Reader(Stream stream) : TextReader
{
    private readonly byte[] _bytes = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _atEnd;
    private bool _begun;
    private int _lines = 1;

    public override int Read(char[] buffer, int index, int count)
    {
        while (true)
        {
            if (_end - _start < 4 && !_atEnd) Refill();
            var bytes = _bytes.AsSpan(_start, _end - _start);
            if (!_begun && (bytes.Length >= 3 || _atEnd))
            {
                _begun = true;
                if (bytes.StartsWith("\uFEFF"u8)) _start += 3;
                continue;
            }
            if (bytes.Length == 0) return 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer.AsSpan(index, count), out var read, out var written,
                replaceInvalidSequences: false, isFinalBlock: _atEnd);
            _lines += bytes[..read].Count((byte)'\n');
            _start += read;
            if (status == OperationStatus.InvalidData) throw new CsvFormatException(_lines, CsvReader.NotUtf8);
            if (written > 0) return written;
            if (status == OperationStatus.NeedMoreData) Refill();
        }
    }

    private void Refill()
    {
        if (_start > 0)
        {
            Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        while (_end < _bytes.Length)
        {
            var read = stream.Read(_bytes, _end, _bytes.Length - _end);
            if (read == 0)
            {
                _atEnd = true;
                return;
            }
            _end += read;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) stream.Dispose();
        base.Dispose(disposing);
    }
}
