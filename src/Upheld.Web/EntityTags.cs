using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Upheld.Web;

/// <summary>Validators for pages, data and downloads: an ETag from the body and a short Cache-Control, with 304 for a match.</summary>
/// <remarks>
/// The tag is weak (W/) because compression may change the bytes on the wire while the content stays the same.
/// Caches may keep an answer for a minute: about as long as the site's own figures are kept, so publication shows promptly.
/// </remarks>
public static class EntityTags
{
    private static readonly string[] Tagged = ["text/html", "application/json", "text/csv"];

    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next();
            return;
        }
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && Tagged.Any(t => response.ContentType?.StartsWith(t, StringComparison.Ordinal) == true))
        {
            var tag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"";
            response.Headers.ETag = tag;
            response.Headers.CacheControl = "public, max-age=60";
            if (Matches(context.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="tag"/>: the client has these bytes already.</summary>
    public static bool Matches(HttpRequest request, string tag) =>
        request.Headers.IfNoneMatch is { Count: > 0 } asked && asked.Any(v => v is not null && v.Split(',').Select(s => s.Trim()).Contains(tag));
}
