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
}
