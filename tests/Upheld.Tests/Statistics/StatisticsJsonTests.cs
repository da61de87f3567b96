using System.Text;
using System.Text.Json;
using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

public class StatisticsJsonTests
{
    private static readonly string[] Statistics = ["uphold", "compliance", "satisfactory_remedy", "upheld_per_100k"];

    internal static IReadOnlyList<AuthorityStatistics> Sample() => StatisticsEngine.Compute(
    [
        Counts.Of("E10000003", upheld: 12, notUpheld: 2, remedies: 1, population: 650_000, name: "Cambridgeshire County Council"),
        Counts.Of("E08000010", name: "Wigan Metropolitan Borough Council"),
        Counts.Of("E07000146", upheld: 3, notUpheld: 1, complied: 2, late: 1, notComplied: 1,
            name: "King's Lynn and West Norfolk Borough Council"),
    ]);

    private static string Json(IReadOnlyList<AuthorityStatistics> results)
    {
        using var stream = new MemoryStream();
        StatisticsJson.Write(stream, results);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Has_the_documented_fields_and_nesting_in_order()
    {
        using var document = JsonDocument.Parse(Json(Sample()));
        var array = document.RootElement;
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.Equal(["E07000146", "E08000010", "E10000003"], array.EnumerateArray().Select(e => e.GetProperty("code").GetString()));

        string[] expected =
        [
            "code", "name", "type", "year",
            "received", "decided", "investigations", "upheld", "not_upheld", "satisfactory_remedies",
            "compliance_outcomes", "complied", "complied_late", "not_complied", "population",
            "uphold_rate", "uphold_pct", "compliance_rate", "compliance_pct",
            "satisfactory_remedy_rate", "satisfactory_remedy_pct",
            "upheld_per_100k", "upheld_per_100k_text",
            "average", "interval", "comparison",
        ];
        foreach (var authority in array.EnumerateArray())
        {
            Assert.Equal(expected, Names(authority));
            Assert.Equal(
                ["method", "uphold_rate", "uphold_pct", "compliance_rate", "compliance_pct",
                 "satisfactory_remedy_rate", "satisfactory_remedy_pct", "upheld_per_100k", "upheld_per_100k_text"],
                Names(authority.GetProperty("average")));
            Assert.Equal(Statistics, Names(authority.GetProperty("interval")));
            Assert.Equal(Statistics, Names(authority.GetProperty("comparison")));
        }
    }

    [Fact]
    public void Writes_values_rates_unrounded_and_nulls_where_there_is_no_rate()
    {
        using var document = JsonDocument.Parse(Json(Sample()));
        var cambridgeshire = document.RootElement[2];
        Assert.Equal("County", cambridgeshire.GetProperty("type").GetString());
        Assert.Equal("2019-20", cambridgeshire.GetProperty("year").GetString());
        Assert.Equal(14, cambridgeshire.GetProperty("investigations").GetInt32());
        Assert.Equal(12.0 / 14, cambridgeshire.GetProperty("uphold_rate").GetDouble());
        Assert.Equal("86%", cambridgeshire.GetProperty("uphold_pct").GetString());
        Assert.Equal("8%", cambridgeshire.GetProperty("satisfactory_remedy_pct").GetString());
        Assert.Equal(JsonValueKind.Null, cambridgeshire.GetProperty("compliance_rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, cambridgeshire.GetProperty("compliance_pct").ValueKind);
        Assert.Equal("1.8", cambridgeshire.GetProperty("upheld_per_100k_text").GetString()); // 12 / 650,000
        Assert.Equal("pooled", cambridgeshire.GetProperty("average").GetProperty("method").GetString());

        var interval = cambridgeshire.GetProperty("interval");
        var uphold = interval.GetProperty("uphold").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(2, uphold.Length);
        Assert.Equal(0.6006, uphold[0], 1e-4);
        Assert.Equal(0.9599, uphold[1], 1e-4);
        Assert.Equal(JsonValueKind.Null, interval.GetProperty("compliance").ValueKind);

        var comparison = cambridgeshire.GetProperty("comparison");
        Assert.Equal("similar", comparison.GetProperty("uphold").GetString());
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("compliance").ValueKind);

        var wigan = document.RootElement[1];
        Assert.Equal("Metropolitan Borough", wigan.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, wigan.GetProperty("population").ValueKind);
        Assert.Equal(JsonValueKind.Null, wigan.GetProperty("upheld_per_100k").ValueKind);
        Assert.Equal(JsonValueKind.Null, wigan.GetProperty("interval").GetProperty("upheld_per_100k").ValueKind);
        Assert.Equal(JsonValueKind.Null, wigan.GetProperty("average").GetProperty("uphold_rate").ValueKind);

        var kingsLynn = document.RootElement[0];
        Assert.Equal(3, kingsLynn.GetProperty("compliance_outcomes").GetInt32());
        Assert.Equal(1, kingsLynn.GetProperty("complied_late").GetInt32());
        Assert.Equal("67%", kingsLynn.GetProperty("compliance_pct").GetString());
    }

    [Fact]
    public void Is_deterministic_and_the_same_through_a_text_writer()
    {
        var first = Json(Sample());
        Assert.Equal(first, Json(Sample()));
        var text = new StringWriter();
        StatisticsJson.Write(text, Sample());
        Assert.Equal(first, text.ToString());
        Assert.Contains("\"King's Lynn and West Norfolk Borough Council\"", first);
    }

    [Fact]
    public void Writes_an_empty_array_for_no_authorities() => Assert.Equal("[]", Json([]));
}
