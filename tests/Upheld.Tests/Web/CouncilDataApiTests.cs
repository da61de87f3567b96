using System.Net;
using System.Text.Json;

namespace Upheld.Tests.Web;

/// <summary>A council's cases in the API: paged decisions in a stable order, and nothing of unpublished years.</summary>
public sealed class CouncilDataApiTests : SiteTestBase
{
    [Fact]
    public async Task Decisions_come_a_page_at_a_time_in_decision_date_order_with_every_outcome()
    {
        using var json = JsonDocument.Parse(await Site.Client.GetStringAsync("/api/v1/authorities/E10000034/years/2019-20/decisions"));

        var root = json.RootElement;
        Assert.Equal(31, root.GetProperty("total").GetInt32()); // 19 upheld, 3 not upheld, 9 others
        Assert.Equal(JsonValueKind.Null, root.GetProperty("next").ValueKind);
        var decisions = root.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(31, decisions.Count);
        var keys = decisions.Select(d => (d.GetProperty("decision_date").GetString()!, d.GetProperty("case_ref").GetString()!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.Equal(9, decisions.Count(d => d.GetProperty("outcome").GetString() is "closed_after_initial_enquiries" or "referred_back"));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_page_zero_is_not_found()
    {
        using var json = JsonDocument.Parse(await Site.Client.GetStringAsync("/api/v1/authorities/E10000034/years/2019-20/decisions?page=2"));

        Assert.Empty(json.RootElement.GetProperty("decisions").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync("/api/v1/authorities/E10000034/years/2019-20/decisions?page=0")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/authorities/E10000034/years/2020-21/decisions")]
    [InlineData("/api/v1/authorities/E10000034/years/2020-21/public-reports")]
    [InlineData("/api/v1/authorities/E06000061/years/2019-20/service-improvements")]
    [InlineData("/api/v1/authorities/E99999999/letters")]
    public async Task Unpublished_or_unknown_things_are_not_found(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Site.Client.GetAsync(path)).StatusCode);

    [Fact]
    public async Task The_readable_reference_and_the_OpenAPI_document_list_the_same_routes()
    {
        var page = await Site.Client.GetStringAsync("/api");
        using var json = JsonDocument.Parse(await Site.Client.GetStringAsync("/openapi/v1.json"));

        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        // 11 routes of statistics, councils, decisions, letters and their .json twins, 3 of complaint handling, 4 of versions, 3 of case-mix signals and 2 of the release calendar.
        Assert.Equal(23, paths.Count);
        Assert.All(paths, p => Assert.Contains($"<code>{p.Split('{')[0]}", page));
    }
}
