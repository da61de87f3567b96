using System.Buffers.Binary;
using System.Text;

namespace Upheld.Import;

/// <summary>
/// Rows in the binary form of PostgreSQL's <c>COPY … FROM STDIN (FORMAT binary)</c>, written into a buffer and sent to the
/// server a block at a time: a signature and two zero words first, then each row as its number of fields and each field
/// as its length in bytes (-1 for null) and its bytes, all numbers big-endian, and -1 where a row's count would be at the end.
/// </summary>
/// <remarks>
/// Written by hand rather than through Npgsql's binary importer, which sends each value through its general parameter
/// machinery: that cost the import's writer about three times what writing the row's text takes. In this form the server
/// reads the rows with about a third less work than their text (docs/benchmarks.md, "Import and statistics"), chiefly
/// because a search words' <c>tsvector</c> arrives as its words rather than as text to parse.
/// </remarks>
internal sealed class CopyBinary(Stream server) : IDisposable
{
    private const int BlockSize = 1 << 16;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private byte[] _buffer = new byte[BlockSize];
    private int _used;
    private bool _started;

    /// <summary>Starts a row of <paramref name="fields"/> fields; the file's header goes first.</summary>
    public void Row(int fields)
    {
        if (!_started)
        {
            _started = true;
            Room(Signature.Length + 8);
            Signature.CopyTo(_buffer, _used);
            _used += Signature.Length;
            Int32(0); // flags: no object identifiers
            Int32(0); // no header extension
        }
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), checked((short)fields));
        _used += 2;
    }

    public void Null() => Int32(-1);

    public void Integer(long value, int bytes)
    {
        Room(4 + bytes);
        Int32(bytes);
        var at = _buffer.AsSpan(_used, bytes);
        switch (bytes)
        {
            case 2: BinaryPrimitives.WriteInt16BigEndian(at, checked((short)value)); break;
            case 4: BinaryPrimitives.WriteInt32BigEndian(at, checked((int)value)); break;
            default: BinaryPrimitives.WriteInt64BigEndian(at, value); break;
        }
        _used += bytes;
    }

    /// <summary>A text value, as UTF-8.</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        Room(4 + Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used + 4));
        Int32(length);
        _used += length;
    }

    /// <summary>Starts a field of <paramref name="length"/> bytes whose parts follow (<see cref="Part"/>, <see cref="Int32"/>).</summary>
    public void Field(int length) => Int32(length);

    public void Part(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Int32(int value)
    {
        Room(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    /// <summary>Ends the rows (-1 where a row's field count would be) and sends what is buffered.</summary>
    public void End()
    {
        Room(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        Send();
    }

    private void Room(int bytes)
    {
        if (_used + bytes <= _buffer.Length) return;
        Send();
        if (bytes > _buffer.Length) _buffer = new byte[Math.Max(bytes, _buffer.Length * 2)];
    }

    private void Send()
    {
        server.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <summary>Abandons the copy: the server takes none of its rows.</summary>
    public void Cancel()
    {
        if (server is Npgsql.NpgsqlRawCopyStream copy) copy.Cancel();
    }

    public void Dispose() => server.Dispose();
}
