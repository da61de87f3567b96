using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Upheld.Tests.Cli;

namespace Upheld.Tests.Web;

/// <summary>The JSON API: the same figures as the command line, published years only, licence on every answer.</summary>
public sealed class OpenDataApiTests : SiteTestBase
{
    [Fact]
    public async Task Statistics_of_a_year_are_the_command_lines_array_byte_for_byte()
    {
        var api = await Site.Client.GetByteArrayAsync("/api/v1/statistics?year=2019-20");
        var cli = CliRun.Of("stats", "--year", "2019-20", "--format", "json", "--db", Site.Database.Description);

        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(cli.Output, System.Text.Encoding.UTF8.GetString(api));
        Assert.Equal(343, JsonDocument.Parse(api).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/statistics?year=2020-21")]
    [InlineData("/api/v1/statistics?year=nonsense")]
    [InlineData("/api/v1/statistics")]
    [InlineData("/api/v1/authorities/E99999999/statistics")]
    [InlineData("/api/v1/authorities/E06000061/statistics")]
    public async Task Unpublished_or_unknown_things_are_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync(path)).StatusCode);

    [Fact]
    public async Task A_councils_statistics_cover_its_published_years_and_carry_the_licence()
    {
        var response = await Site.Client.GetAsync("/api/v1/authorities/E06000017/statistics");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var year = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(("2019-20", "100%"), (year.GetProperty("year").GetString(), year.GetProperty("uphold_pct").GetString()));
        Assert.Contains("rel=\"license\"", response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task Authorities_list_every_council_of_the_published_years_with_successors()
    {
        using var json = JsonDocument.Parse(await Site.Client.GetStringAsync("/api/v1/authorities"));

        var councils = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(343, councils.Count);
        var wellingborough = councils.Single(c => c.GetProperty("code").GetString() == "E07000156");
        Assert.Equal("E06000061", wellingborough.GetProperty("successor_codes")[0].GetString());
        Assert.Equal("E10000021", wellingborough.GetProperty("parent_code").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_valid_and_lists_every_api_route_the_site_maps()
    {
        var text = await Site.Client.GetStringAsync("/openapi/v1.json");

        var read = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");

        Assert.Empty(read.Diagnostic!.Errors);
        var document = read.Document!;
        Assert.Empty(document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        var mapped = Site.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(23, mapped.Count); // 11, the three complaint-handling routes, the four of versions, the three signals routes and the two of the release calendar
        Assert.Equal(mapped, document.Paths.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_its_server_relative_to_itself_so_a_static_copy_stays_right()
    {
        // The static export fetches the document from a server on a random loopback port; a copy naming that port
        // would point readers at nothing, and would differ on every export.
        var text = await Site.Client.GetStringAsync("/openapi/v1.json");

        var servers = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("servers");
        Assert.Equal("/", Assert.Single(servers.EnumerateArray()).GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/api/v1/years/2019-20/statistics.json", "/api/v1/statistics?year=2019-20")]
    [InlineData("/api/v1/authorities.json", "/api/v1/authorities")]
    [InlineData("/api/v1/authorities/E10000034/statistics.json", "/api/v1/authorities/E10000034/statistics")]
    [InlineData("/api/v1/authorities/E10000034/letters.json", "/api/v1/authorities/E10000034/letters")]
    public async Task Each_json_file_path_answers_exactly_as_its_api_address(string file, string address)
    {
        var response = await Site.Client.GetAsync(file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await Site.Client.GetStringAsync(address), await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync("/api/v1/years/2020-21/statistics.json")).StatusCode);
    }
}
