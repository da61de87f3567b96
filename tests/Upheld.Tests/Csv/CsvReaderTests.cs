using Upheld.Csv;

namespace Upheld.Tests.Csv;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_doubled_quotes_and_line_breaks()
    {
        var records = CsvReader.Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n").ToList();

        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
    }

    [Fact]
    public void A_record_after_a_multi_line_field_starts_on_its_physical_line()
    {
        var records = CsvReader.Read("h\n\"1\n2\n3\"\nnext\n").ToList();

        Assert.Equal(5, records[^1].Line);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_empty_trailing_fields_kept()
    {
        var records = CsvReader.Read("a,b,c\n\n1,,\n").ToList();

        Assert.Equal(["1", "", ""], records[1].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Theory]
    [InlineData("a\n\"open\n", 2, "a quoted field is not closed before the end of the file")]
    [InlineData("a\nx\"y\n", 2, "a quote inside an unquoted field; quote the whole field and double the quote")]
    [InlineData("a\n\"x\"y\n", 2, "unexpected text after a closing quote; double any quote inside a quoted field")]
    public void Broken_quoting_names_its_line(string text, int line, string message)
    {
        var error = Assert.Throws<CsvFormatException>(() => CsvReader.Read(text).ToList());

        Assert.Equal((line, message), (error.Line, error.Message));
    }

    [Fact]
    public void A_byte_order_mark_is_allowed_and_invalid_utf8_names_the_line()
    {
        Assert.Equal("a", CsvReader.Decode([0xEF, 0xBB, 0xBF, (byte)'a']));
        var error = Assert.Throws<CsvFormatException>(() => CsvReader.Decode("x\ny\nz"u8.ToArray().Concat(new byte[] { 0xC3 }).ToArray()));
        Assert.Equal(3, error.Line);
    }

    /// <summary>A stream that hands out a few bytes at a time, so multi-byte characters and records straddle every kind of boundary.</summary>
    private sealed class Trickle(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));
    }

    [Fact]
    public void A_file_read_as_it_streams_gives_every_record_and_its_line_across_block_boundaries()
    {
        // 6,000 records of four fields, some quoted with commas, doubled quotes, CRLF and LF line breaks and accents: about
        // 600,000 characters, so the reader's 65,536-character blocks end inside every kind of field many times over.
        var random = new Random(23);
        string[] pieces = ["plain", "with, comma", "say \"hi\"", "two\r\nlines", "three\nshort\nlines", "café ünïcödé ✓", "", "x"];
        var expected = new List<CsvRecord>();
        var text = new System.Text.StringBuilder();
        var line = 1;
        var head = "";
        for (var i = 0; i < 6000; i++)
        {
            var fields = Enumerable.Range(0, 4).Select(_ => string.Concat(Enumerable.Repeat(pieces[random.Next(pieces.Length)], 1 + random.Next(6)))).ToArray();
            fields[0] = $"R{i}"; // never a blank line
            expected.Add(new CsvRecord(line, fields));
            text.Append(string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f)));
            text.Append(i % 2 == 0 ? "\r\n" : "\n");
            if (i == 40) head = text.ToString();
            line += 1 + fields.Sum(f => f.Count(c => c == '\n'));
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());

        var streamed = CsvReader.Read(new Trickle(bytes, 7)).ToList();
        // Blocks of a few characters end inside quotes, between doubled quotes and between \r and \n, at every offset.
        var small = new[] { 8, 9, 10, 13, 31 }.Select(size => CsvReader.Read(new StringReader(head), size).ToList()).ToList();

        Assert.Equal(expected.Count, streamed.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Line, streamed[i].Line);
            Assert.Equal(expected[i].Fields, streamed[i].Fields);
        }
        var whole = CsvReader.Read(new StringReader(head), 1 << 16).ToList();
        Assert.All(small, records => Assert.Equal(whole.Select(r => (r.Line, string.Join("|", r.Fields))), records.Select(r => (r.Line, string.Join("|", r.Fields)))));
    }

    [Fact]
    public void Invalid_utf8_far_into_a_streamed_file_names_its_line()
    {
        // 100,000 lines of "row N" (about 1 MB) before the bad byte: many blocks past the first.
        var good = System.Text.Encoding.UTF8.GetBytes("\uFEFFh\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"row {i}\n")));
        byte[] bytes = [.. good, .. "caf"u8, 0xE9, .. "\nlast\n"u8];

        var records = new List<CsvRecord>();
        var error = Assert.Throws<CsvFormatException>(() => { foreach (var record in CsvReader.Read(new Trickle(bytes, 4096))) records.Add(record); });

        Assert.Equal(100_002, error.Line); // the header, then 100,000 rows, then the bad one
        Assert.Equal("h", records[0].Fields[0]); // the byte-order mark is not part of the first field
    }
}
