using System.Globalization;
using System.Net;
using System.Text.Json;
using Upheld.Csv;

namespace Upheld.Tests.Web;

/// <summary>CSV downloads beside the council, year and compare pages' tables: each parses and says what the page and the API say.</summary>
public sealed class TableDownloadsTests : SiteTestBase
{
    private const string Worcestershire = "/councils/E10000034/worcestershire/2019-20";

    private async Task<List<string[]>> Csv(string path)
    {
        var response = await Site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("rel=\"license\"", response.Headers.GetValues("Link").Single());
        return CsvReader.Read(await response.Content.ReadAsStringAsync()).Select(r => r.Fields.ToArray()).ToList();
    }

    private static string Row(string label, string count) =>
        $"<th scope=\"row\" class=\"govuk-table__header\">{label}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{count}</td>";

    [Theory]
    [InlineData("received", "category", "received")]
    [InlineData("decided", "outcome", "decided")]
    public async Task A_councils_complaint_tables_download_row_for_row_as_the_page_shows_them(string table, string labelColumn, string countColumn)
    {
        var page = await Site.Client.GetStringAsync(Worcestershire);
        var rows = await Csv($"{Worcestershire}/{table}.csv");

        Assert.Equal(["code", "name", "type", "year", labelColumn, countColumn], rows[0]);
        Assert.True(rows.Count >= 2); // at least the total
        Assert.Contains($"href=\"{Worcestershire}/{table}.csv\"", page);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(["E10000034", "Worcestershire", "County", "2019-20"], row[..4]);
            Assert.Contains(Row(WebUtility.HtmlEncode(row[4]).Replace("&#39;", "&#x27;"), int.Parse(row[5], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)), page);
        }
        var sum = rows.Skip(1).Where(r => !r[4].StartsWith("Total", StringComparison.Ordinal) && r[4] != "of which upheld").Sum(r => int.Parse(r[5], CultureInfo.InvariantCulture));
        Assert.Equal(sum, int.Parse(rows[^1][5], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_trend_download_has_the_councils_every_published_year_with_the_apis_figures()
    {
        var rows = await Csv("/councils/E10000034/worcestershire/trend.csv");
        using var api = JsonDocument.Parse(await Site.Client.GetStringAsync("/api/v1/authorities/E10000034/statistics"));

        Assert.Equal(["code", "name", "type", "year", "uphold_rate", "uphold_pct", "compliance_rate", "compliance_pct", "satisfactory_remedy_rate", "satisfactory_remedy_pct", "upheld_per_100k", "upheld_per_100k_text"], rows[0]);
        var years = api.RootElement.EnumerateArray().ToList();
        Assert.Equal(years.Count, rows.Count - 1);
        for (var i = 0; i < years.Count; i++)
        {
            Assert.Equal(years[i].GetProperty("year").GetString(), rows[i + 1][3]);
            foreach (var column in new[] { "uphold_pct", "compliance_pct", "satisfactory_remedy_pct", "upheld_per_100k_text" })
                Assert.Equal(years[i].GetProperty(column).GetString() ?? "", rows[i + 1][Array.IndexOf(rows[0], column)]);
            Assert.Equal(years[i].GetProperty("uphold_rate").ToString(), rows[i + 1][4]);
        }
        Assert.DoesNotContain(rows, r => r[3] == "2020-21");
    }

    [Fact]
    public async Task The_year_tables_download_with_the_averages_and_categories_the_page_shows()
    {
        var types = await Csv("/years/2019-20/types.csv");
        var categories = await Csv("/years/2019-20/categories.csv");
        using var stats = JsonDocument.Parse(await Site.Client.GetStringAsync("/api/v1/statistics?year=2019-20"));
        var page = await Site.Client.GetStringAsync("/years/2019-20");

        var county = types.Single(r => r[1] == "County");
        var counties = stats.RootElement.EnumerateArray().Where(s => s.GetProperty("type").GetString() == "County").ToList();
        Assert.Equal(["2019-20", "County", "E10", counties.Count.ToString(CultureInfo.InvariantCulture), "pooled"], county[..5]);
        Assert.Equal(counties[0].GetProperty("average").GetProperty("uphold_pct").GetString(), county[Array.IndexOf(types[0], "average_uphold_pct")]);
        Assert.Equal(5, types.Count - 1);
        Assert.Equal(["year", "category", "received", "investigated", "upheld", "uphold_rate", "uphold_pct"], categories[0]);
        foreach (var c in categories.Skip(1))
            Assert.Contains($"{WebUtility.HtmlEncode(c[1]).Replace("&#39;", "&#x27;")}</th>", page);
        Assert.Contains("href=\"/years/2019-20/types.csv\"", page);
        Assert.Contains("href=\"/years/2019-20/categories.csv\"", page);
    }

    [Theory]
    [InlineData("/compare/county/2019-20/uphold", "none")]
    [InlineData("/compare/district/2019-20/per-100k/additive", "additive")]
    public async Task A_compare_table_downloads_with_each_councils_figure_limits_and_position(string path, string adjustment)
    {
        var page = await Site.Client.GetStringAsync(path);
        var rows = await Csv(path + ".csv");

        Assert.Contains($"href=\"{path}.csv\"", page);
        Assert.Equal(CountOf(page, "<th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/councils/"), rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(adjustment, row[5]);
            var (rate, low, high) = (Double(row[9]), Double(row[13]), Double(row[14]));
            Assert.Equal(rate > high || rate < low, row[15].Contains("99_8", StringComparison.Ordinal));
            Assert.Contains($"{WebUtility.HtmlEncode(row[1]).Replace("&#39;", "&#x27;")}</a></th>", page);
        }
        var mapRows = await Csv($"/maps/2019-20/{rows[1][4]}/{(path.Contains("county", StringComparison.Ordinal) ? "upper" : "lower")}.csv");
        Assert.All(rows.Skip(1), r => Assert.Equal(mapRows.Single(m => m[0] == r[0])[5], r[6]));
    }

    [Theory]
    [InlineData("/councils/E10000034/worcestershire/2020-21/received.csv")]
    [InlineData("/councils/E10000034/wrong/2019-20/decided.csv")]
    [InlineData("/councils/E10000034/wrong/trend.csv")]
    [InlineData("/years/2020-21/types.csv")]
    [InlineData("/years/2020-21/categories.csv")]
    [InlineData("/compare/county/2020-21/uphold.csv")]
    [InlineData("/compare/county/2019-20/uphold/sideways.csv")]
    public async Task Downloads_of_unpublished_or_unknown_tables_are_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync(path)).StatusCode);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
