using System.Net;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Signals;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;

namespace Upheld.Tests.Signals;

/// <summary>
/// The case-mix ratio on the site, over the three councils of <see cref="CaseMixEngineTests"/> as real councils in 2019-20:
/// the council page's tile and working, the map, the funnel around 1, the API and the downloads.
/// </summary>
public sealed class CaseMixOnSiteTests : IAsyncLifetime
{
    private const string Education = "Education and Children's Services";
    private const string Planning = "Planning and Development";
    private readonly TestDatabase _store = TestDatabase.Sqlite();
    private SiteHost _site = null!;

    // As in CaseMixEngineTests: national rates education 153/170 = 0.9, planning 85/170 = 0.5.
    //   Worcestershire (county):    education 88 of 100, planning  2 of  20: 90 upheld, E 100, V 14,   ratio 0.90, 0.83–0.97, lower
    //   Wellingborough (district):  education 46 of  50, planning 22 of  50: 68 upheld, E  70, V 17,   ratio 0.97, 0.86–1.09, similar
    //   Cannock Chase (district):   education 19 of  20, planning 61 of 100: 80 upheld, E  68, V 26.8, ratio 1.18, 1.03–1.33, higher
    public Task InitializeAsync()
    {
        var rows = new List<string> { "case_ref,authority_code,decision_date,category,outcome" };
        void Add(string code, string category, int upheld, int investigations)
        {
            for (var i = 0; i < investigations; i++)
                rows.Add($"{code}-{category[..3]}-{i},{code},2019-06-01,{category},{(i < upheld ? "upheld" : "not_upheld")}");
        }
        Add("E10000034", Education, 88, 100);
        Add("E10000034", Planning, 2, 20);
        Add("E07000156", Education, 46, 50);
        Add("E07000156", Planning, 22, 50);
        Add("E07000192", Education, 19, 20);
        Add("E07000192", Planning, 61, 100);
        using var folder = new ImportFolder().With("decisions.csv", [.. rows]);
        var result = new Importer(_store.Database).Import(folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        Publication.Set(_store.Database, new FinancialYear(2019), SiteHost.PublishedAt);
        _site = new SiteHost(_store.Database, SiteHost.PublishedAt.AddDays(1));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _store.Dispose();
    }

    private async Task<string> Body(string path)
    {
        var response = await _site.Client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_council_page_shows_the_ratio_beside_the_raw_rate_with_its_meaning_and_working_and_a_trend_chart_of_each_statistic()
    {
        var body = await Body("/councils/E07000192/cannock-chase/2019-20");

        Assert.Contains(">67%<", body); // 80 of 120 upheld, the raw rate
        Assert.Contains("Upheld against expected, given the council&#x27;s mix of services", body);
        Assert.Contains(">1.18<", body);
        Assert.Contains("80 upheld where 68 were expected from its 120 detailed investigations", body);
        Assert.Contains("95% interval: 1.03 to 1.33", body);
        Assert.Contains("More upheld than its mix of services explains, by more than chance alone would explain.", body);
        Assert.Contains("had each investigation been upheld at England&#x27;s rate for its service", body);
        // Districts together: (68 + 80) ÷ (70 + 68) = 1.072…
        Assert.Contains("All district councils taken together: 1.07; every council in England: 1.00", body);
        // The working: each category's investigations at England's rate.
        Assert.Contains("Education and Children&#x27;s Services</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">20</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">19</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">90%</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">18</td>",
            Compact(body));
        Assert.Contains("Planning and Development</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">100</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">61</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">50%</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">50</td>",
            Compact(body));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(body, "<figure class=\"upheld-trend\">").Count);
        Assert.Contains("aria-label=\"2019-20: 1.18, 80 upheld where 68 were expected (95% interval 1.03 to 1.33); district councils taken together 1.07\"", body);
        Assert.DoesNotContain("NaN", body);
        Assert.DoesNotContain("adjusted uphold rate", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_map_colours_by_the_comparison_with_1_and_its_download_divides_by_the_expected_count()
    {
        var map = await Body("/maps/2019-20/case-mix/upper");
        var csv = await Body("/maps/2019-20/case-mix/upper.csv");

        Assert.Contains("aria-label=\"Worcestershire: 0.90, fewer upheld than its mix of services explains\"", map);
        Assert.Contains("E10000034,Worcestershire,County,2019-20,case-mix,0.90,0.9,90,100,1.00,1,lower,", csv);
    }

    [Fact]
    public async Task The_compare_page_is_a_funnel_around_1_placing_councils_as_their_intervals_do()
    {
        var page = await Body("/compare/district/2019-20/case-mix");
        var csv = (await Body("/compare/district/2019-20/case-mix.csv")).Split("\r\n");

        Assert.Contains("Cannock Chase</a>: 1.18, 80 upheld where 68 were expected, above the 95% limit", page);
        Assert.Contains("aria-label=\"Wellingborough: 0.97, 68 upheld where 70 were expected, within the limits\"", page);
        Assert.Contains("district councils taken together upheld 1.07 times as many as expected", page);
        // Cannock Chase's precision is 68² ÷ 26.8 = 172.54: limits 1 ∓ 1.959964 ÷ √172.54 = 0.8508 to 1.1492; 80 − 68 = 12 is beyond
        // 1.959964 × √26.8 = 10.15 but within 3.090232 × √26.8 = 16.00, so above the 95% limit only.
        var row = csv.Single(l => l.StartsWith("E07000192,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["E07000192", "Cannock Chase", "District", "2019-20", "case-mix", "none", "1.18", "80", "68"], row[..9]);
        Assert.Equal(80.0 / 68, double.Parse(row[9], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal("1", row[10]);
        Assert.Equal(0.85079, double.Parse(row[11], System.Globalization.CultureInfo.InvariantCulture), 5);
        Assert.Equal(1.14921, double.Parse(row[12], System.Globalization.CultureInfo.InvariantCulture), 5);
        Assert.Equal("above_95", row[15]);
    }

    [Fact]
    public async Task The_api_and_downloads_are_the_bytes_the_signals_command_writes()
    {
        var caseMix = CaseMixEngine.Compute(CaseMixQuery.ForYear(_store.Database, new FinancialYear(2019)));

        Assert.Equal(SignalsJson.Bytes(new FinancialYear(2019), caseMix.Councils, []), await (await _site.Client.GetAsync("/api/v1/years/2019-20/signals.json")).Content.ReadAsByteArrayAsync());
        Assert.Equal(SignalsCsv.Bytes(caseMix.Councils), await (await _site.Client.GetAsync("/years/2019-20/case-mix.csv")).Content.ReadAsByteArrayAsync());
        var authority = System.Text.Json.JsonDocument.Parse(await Body("/api/v1/authorities/E07000192/signals.json")).RootElement;
        Assert.Equal("2019-20", Assert.Single(authority.EnumerateArray()).GetProperty("year").GetString());
        Assert.Equal("higher", authority[0].GetProperty("case_mix")[0].GetProperty("comparison").GetString());
        Assert.Equal(
            "code,name,year,category,investigations,upheld,national_uphold_rate,national_uphold_pct,expected_upheld\r\n" +
            "E07000192,Cannock Chase,2019-20,Education and Children's Services,20,19,0.9,90%,18\r\n" +
            "E07000192,Cannock Chase,2019-20,Planning and Development,100,61,0.5,50%,50\r\n" +
            "E07000192,Cannock Chase,2019-20,Total,120,80,,,68\r\n",
            await Body("/councils/E07000192/cannock-chase/2019-20/case-mix.csv"));
        Assert.StartsWith("code,name,type,year,investigations,observed_upheld,expected_upheld,ratio,interval_low,interval_high,comparison\r\nE07000192,Cannock Chase,District,2019-20,120,80,68,",
            await Body("/councils/E07000192/cannock-chase/case-mix.csv"));
    }

    private static string Compact(string html) => System.Text.RegularExpressions.Regex.Replace(html, @">\s+<", "><");
}
