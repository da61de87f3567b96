using System.Net;

namespace Upheld.Tests.Web.Staff;

/// <summary>Keeps the cookies a site sets and sends them back, as a browser does, for the in-memory test server's client.</summary>
public sealed class CookieJar : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();

    /// <summary>Every Set-Cookie header seen, as sent, so tests can read its attributes.</summary>
    public List<string> SetCookies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = Cookies.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values)
            {
                SetCookies.Add(value);
                Cookies.SetCookies(request.RequestUri!, value);
            }
        return response;
    }
}
