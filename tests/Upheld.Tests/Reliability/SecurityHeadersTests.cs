using System.Net;
using Dapper;
using Upheld.Tests.Web;
using Upheld.Web.Hosting;

namespace Upheld.Tests.Reliability;

/// <summary>Every kind of answer carries the security headers, and oversized requests are refused before they are read.</summary>
public sealed class SecurityHeadersTests : SiteTestBase
{
    [Theory]
    [InlineData("/councils/E06000017/rutland/2019-20", HttpStatusCode.OK)]      // a page
    [InlineData("/api/v1/statistics?year=2019-20", HttpStatusCode.OK)]         // API
    [InlineData("/years/2019-20/statistics.csv", HttpStatusCode.OK)]           // a download
    [InlineData("/css/upheld.css", HttpStatusCode.OK)]                         // a static file
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("/councils/E06000017", HttpStatusCode.MovedPermanently)]
    public async Task Every_kind_of_answer_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var (answered, _, response) = await Get(path);

        Assert.Equal(status, answered);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_304_carries_the_security_headers()
    {
        var first = await Site.Client.GetAsync("/councils/E06000017/rutland/2019-20");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/councils/E06000017/rutland/2019-20");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await Site.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_database_that_cannot_be_read_gives_a_503_page_with_the_security_headers()
    {
        using (var connection = Site.Database.Connect()) connection.Execute("DROP TABLE years");

        var (status, body, response) = await Get("/api/v1/authorities");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Sorry, the service is unavailable", body);
        Assert.Equal("30", response.Headers.RetryAfter?.ToString());
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_post_larger_than_a_form_is_refused_with_413_and_a_smaller_one_is_not()
    {
        var large = await Site.Client.PostAsync("/search", new ByteArrayContent(new byte[RequestLimits.FormBytes + 1]));
        var small = await Site.Client.PostAsync("/search", new ByteArrayContent(new byte[RequestLimits.FormBytes]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        AssertSecurityHeaders(large);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, small.StatusCode);
    }

    [Fact]
    public async Task The_server_refuses_oversized_bodies_and_headers_on_a_real_socket()
    {
        await using var site = new SiteHost(live: true);
        var body = await site.Client.PostAsync("/search", new ByteArrayContent(new byte[200 * 1024]));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/about");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('x', RequestLimits.HeadersBytes + 1));
        var headers = await site.Client.SendAsync(request);
        var page = await site.Client.GetAsync("/about");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, body.StatusCode);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, headers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), "the server does not name itself");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
