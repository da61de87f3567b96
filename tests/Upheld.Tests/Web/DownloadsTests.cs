using System.Net;
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

    [Theory]
    [InlineData("/maps/2020-21/uphold/lower.csv")]
    [InlineData("/maps/2019-20/happiness/lower.csv")]
    [InlineData("/years/2020-21/statistics.csv")]
    [InlineData("/councils/E06000017/rutland/2020-21/decisions.csv")]
    [InlineData("/councils/E06000017/wrong-slug/2019-20/decisions.csv")]
    public async Task Downloads_of_unknown_or_unpublished_things_are_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync(path)).StatusCode);
}
