using System.Globalization;
using Upheld.Import;

namespace Upheld.Tests.Import;

/// <summary>The import's hand-written date reader and writer agree with .NET's own for the format YYYY-MM-DD.</summary>
public sealed class IsoDateTests
{
    public static TheoryData<string> Texts() =>
    [
        "2019-06-01", "2020-02-29", "2019-02-29", "2100-02-29", "2000-02-29", "0001-01-01", "0000-01-01", "9999-12-31",
        "2019-04-31", "2019-13-01", "2019-00-10", "2019-06-00", "2019-6-01", "2019-06-1", "19-06-01", "02019-06-01",
        "2019/06/01", "2019-06-01 ", " 2019-06-01", "2019-06-01T00", "２０１９-06-01", "2019-0a-01", "2019-06-3١", "",
        "----------", "2019--06-01", "+019-06-01", "2019-06-+1",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_text_is_read_as_dotnet_reads_it(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        Assert.Equal((expected, date), (IsoDate.TryParse(text, out var read), read));
    }

    [Fact]
    public void Every_day_of_four_centuries_is_written_and_read_back_as_dotnet_does()
    {
        // 1900-01-01 to 2299-12-31 crosses three century years that are not leap years and one that is (2000).
        for (var day = new DateOnly(1900, 1, 1); day.Year < 2300; day = day.AddDays(1))
        {
            var written = IsoDate.Format(day);
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), written);
            Assert.True(IsoDate.TryParse(written, out var read));
            Assert.Equal(day, read);
        }
        Assert.Equal("0001-01-01", IsoDate.Format(DateOnly.MinValue));
        Assert.Equal("9999-12-31", IsoDate.Format(DateOnly.MaxValue));
    }
}
