using Microsoft.AspNetCore.Http;

namespace Upheld.Web.Hosting;

/// <summary>The security headers every answer carries: pages, data, downloads, static files, errors and 304s alike.</summary>
/// <remarks>
/// Set as the response starts rather than as the request arrives, so that an answer rewritten on the way out (the
/// database-outage page, a 304) keeps them. The policy allows no inline script or style and no framing.
/// </remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An answer with a policy of its own (a letter page, whose styles are in the page) keeps it; it still forbids framing.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next();
    }
}
