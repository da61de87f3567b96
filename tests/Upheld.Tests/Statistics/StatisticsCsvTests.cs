using System.Globalization;
using System.Text;
using System.Text.Json;
using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class StatisticsCsvTests
{
    private const string Header =
        "code,name,type,year,received,decided,investigations,upheld,not_upheld,satisfactory_remedies," +
        "compliance_outcomes,complied,complied_late,not_complied,population," +
        "uphold_rate,uphold_pct,compliance_rate,compliance_pct,satisfactory_remedy_rate,satisfactory_remedy_pct," +
        "upheld_per_100k,upheld_per_100k_text," +
        "average_method,average_uphold_rate,average_uphold_pct,average_compliance_rate,average_compliance_pct," +
        "average_satisfactory_remedy_rate,average_satisfactory_remedy_pct,average_upheld_per_100k,average_upheld_per_100k_text," +
        "interval_uphold_low,interval_uphold_high,interval_compliance_low,interval_compliance_high," +
        "interval_satisfactory_remedy_low,interval_satisfactory_remedy_high,interval_upheld_per_100k_low,interval_upheld_per_100k_high," +
        "comparison_uphold,comparison_compliance,comparison_satisfactory_remedy,comparison_upheld_per_100k";

    private static string Csv(IReadOnlyList<AuthorityStatistics> results)
    {
        var writer = new StringWriter();
        StatisticsCsv.Write(writer, results);
        return writer.ToString();
    }

    [Fact]
    public void Header_is_the_json_fields_flattened_with_underscores()
    {
        Assert.Equal(Header + "\r\n", Csv([]));

        using var document = JsonDocument.Parse(StatisticsJsonOf(StatisticsJsonTests.Sample()));
        Assert.Equal(Header.Split(','), Flatten(document.RootElement[0], ""));
    }

    [Fact]
    public void Writes_a_row_with_quoting_invariant_numbers_and_empty_nulls()
    {
        AuthorityYearCounts counts = new("E07000001", "Bath, \"Test\"", Upheld.Authorities.AuthorityType.District, new FinancialYear(2019),
            Received: 5, Decided: 4, Upheld: 1, NotUpheld: 1, SatisfactoryRemedies: 1,
            Complied: 2, CompliedLate: 1, NotComplied: 0, Population: 100_000);
        var lines = Csv(StatisticsEngine.Compute([counts, Counts.Of("E07000002")])).Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two rows, and the empty string after the last CRLF
        Assert.Equal("", lines[3]);

        // Alone in its type with data, the authority is its own average: every comparison "similar".
        const string known = "E07000001,\"Bath, \"\"Test\"\"\",District,2019-20,5,4,2,1,1,1,2,2,1,0,100000," +
            "0.5,50%,1,100%,1,100%,1,1,pooled,0.5,50%,1,100%,1,100%,1,1,";
        Assert.StartsWith(known, lines[1]);
        var intervals = lines[1][known.Length..].Split(',');
        Assert.Equal(12, intervals.Length);
        double[] expected = [0.0945, 0.9055, 0.3424, 1, 0.2065, 1, 0.0253, 5.5716];
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], double.Parse(intervals[i], CultureInfo.InvariantCulture), 1e-4);
        Assert.Equal(["similar", "similar", "similar", "similar"], intervals[8..]);

        // No data at all: counts are zeros, everything else empty except the averages and method.
        Assert.Equal("E07000002,Council E07000002,District,2019-20,0,0,0,0,0,0,0,0,0,0,,,,,,,,,," +
            "pooled,0.5,50%,1,100%,1,100%,1,1,,,,,,,,,,,,", lines[2]);
    }

    [Fact]
    public void Doubles_round_trip_exactly()
    {
        var results = StatisticsEngine.Compute([Counts.Of("E07000001", upheld: 12, notUpheld: 2)]);
        var row = Csv(results).Split("\r\n")[1].Split(',');
        var rate = row[Header.Split(',').ToList().IndexOf("uphold_rate")];
        Assert.Equal(12.0 / 14, double.Parse(rate, CultureInfo.InvariantCulture));
        Assert.Equal("0.8571428571428571", rate);
    }

    [Fact]
    public void Stream_output_is_utf8_without_a_byte_order_mark()
    {
        var results = StatisticsJsonTests.Sample();
        using var stream = new MemoryStream();
        StatisticsCsv.Write(stream, results);
        var bytes = stream.ToArray();
        Assert.Equal((byte)'c', bytes[0]);
        Assert.Equal(Csv(results), Encoding.UTF8.GetString(bytes));
    }

    private static string StatisticsJsonOf(IReadOnlyList<AuthorityStatistics> results)
    {
        var writer = new StringWriter();
        StatisticsJson.Write(writer, results);
        return writer.ToString();
    }

    // Nested objects join names with "_"; a [low, high] pair (or its null) becomes _low and _high.
    private static IEnumerable<string> Flatten(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
                foreach (var inner in Flatten(property.Value, name + "_")) yield return inner;
            else if (prefix == "interval_") { yield return name + "_low"; yield return name + "_high"; }
            else yield return name;
        }
    }
}
