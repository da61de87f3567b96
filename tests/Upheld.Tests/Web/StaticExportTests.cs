using System.Text.RegularExpressions;
using Upheld.Web.Export;

namespace Upheld.Tests.Web;

/// <summary>The site crawled once into a static copy, for the tests of the copy, which only read it.</summary>
public sealed class CrawledExport : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"upheld-export-{Guid.NewGuid():N}");
    public SiteHost Site { get; private set; } = null!;
    public ExportResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = new SiteHost();
        Result = await StaticExport.CrawlAsync(Site.Client, Folder);
    }

    public async Task DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>The static copy of the site: every page of every published year, every link a file, nothing unpublished.</summary>
public sealed partial class StaticExportTests(CrawledExport export) : IClassFixture<CrawledExport>
{
    private readonly string _folder = export.Folder;
    private readonly ExportResult _result = export.Result;

    [GeneratedRegex("(?:href|src)=\"(?<link>/[^\"#]*)")]
    private static partial Regex Link();

    [Fact]
    public void Every_council_of_the_published_year_has_its_page_and_every_map_is_there()
    {
        Assert.Empty(_result.BrokenLinks);
        var councils = Upheld.Authorities.ReferenceData.Councils().Where(c => c.ExistsIn(new FinancialYear(2019))).ToList();
        Assert.All(councils, c => Assert.True(File.Exists(Path.Combine(_folder, "councils", c.Code, Upheld.Slug.For(c.Name), "2019-20", "index.html")), c.Code));
        foreach (var statistic in new[] { "uphold", "case-mix", "compliance", "satisfactory-remedy", "per-100k", "stage1-in-time" })
            foreach (var tier in new[] { "lower", "upper" })
                Assert.True(File.Exists(Path.Combine(_folder, "maps", "2019-20", statistic, tier, "index.html")), $"{statistic} {tier}");
        Assert.True(File.Exists(Path.Combine(_folder, "css", "upheld.css")));
    }

    [Fact]
    public void The_open_data_files_of_every_published_year_are_in_the_export()
    {
        foreach (var file in new[]
                 {
                     "api/v1/years/2019-20/statistics.json", "api/v1/authorities.json", "api/v1/authorities/E10000034/statistics.json",
                     "api/v1/authorities/E10000034/letters.json", "years/2019-20/statistics.csv", "years/2019-20/types.csv", "years/2019-20/categories.csv",
                     "councils/E10000034/worcestershire/trend.csv", "councils/E10000034/worcestershire/2019-20/received.csv",
                     "councils/E10000034/worcestershire/2019-20/decided.csv", "compare/county/2019-20/uphold.csv", "compare/county/2019-20/uphold/additive.csv",
                     "api/v1/years/2019-20/complaint-handling.json", "api/v1/authorities/E10000034/complaint-handling.json",
                     "api/v1/years/2019-20/signals.json", "api/v1/authorities/E10000034/signals.json", "years/2019-20/case-mix.csv",
                     "councils/E10000034/worcestershire/case-mix.csv", "councils/E10000034/worcestershire/2019-20/case-mix.csv",
                     "compare/county/2019-20/case-mix/index.html", "compare/county/2019-20/case-mix/multiplicative/index.html", "maps/2019-20/case-mix/upper.csv",
                     "releases/index.html", "releases/2019-20/index.html", "releases.ics", "api/v1/releases.json",
                 })
            Assert.True(File.Exists(Path.Combine(_folder, file)), file);
        Assert.Equal(343, System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "api/v1/years/2019-20/statistics.json"))).RootElement.GetArrayLength());
    }

    [Fact]
    public void The_decision_search_is_kept_as_its_empty_form_and_the_notice_says_searching_needs_the_live_site()
    {
        var search = File.ReadAllText(Path.Combine(_folder, "decisions", "index.html"));

        Assert.Contains("<form method=\"get\" action=\"/decisions\"", search);
        Assert.DoesNotContain("id=\"results\"", search);
        Assert.Contains("Searching needs the live site", File.ReadAllText(Path.Combine(_folder, "README.txt")));
    }

    [Fact]
    public void Every_internal_link_of_every_page_is_a_file_in_the_export_without_a_query()
    {
        foreach (var page in Directory.EnumerateFiles(_folder, "*.html", SearchOption.AllDirectories))
        {
            foreach (Match match in Link().Matches(File.ReadAllText(page)))
            {
                var link = System.Net.WebUtility.HtmlDecode(match.Groups["link"].Value);
                Assert.DoesNotContain("?", link);
                Assert.True(File.Exists(Path.Combine(_folder, StaticExport.FileFor(link))), $"{page} links to {link}, which is not in the export");
            }
        }
    }

    [Fact]
    public void An_unpublished_year_leaves_no_trace()
    {
        var files = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).ToList();

        Assert.DoesNotContain(files, f => f.Contains("2020-21", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("2020-21", StringComparison.Ordinal) && !f.EndsWith(".css", StringComparison.Ordinal));
    }
}
