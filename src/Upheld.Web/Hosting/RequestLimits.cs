using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Upheld.Web.Hosting;

/// <summary>How large a request may be: small for forms, larger only where an endpoint accepts an import upload.</summary>
/// <remarks>
/// Every endpoint gets <see cref="FormBytes"/> unless it carries <see cref="ForImportUpload"/>. A request whose declared
/// length is over its endpoint's limit is answered 413 before anything reads it; a chunked body is stopped by
/// the server when it passes the limit.
/// </remarks>
public static class RequestLimits
{
    /// <summary>The largest body of an ordinary form post (sign-in, letter switches, approvals).</summary>
    public const long FormBytes = 64 * 1024;

    /// <summary>The largest import upload, for the one endpoint that takes a folder of CSV files.</summary>
    public const long ImportUploadBytes = 50L * 1024 * 1024;

    /// <summary>The largest complaint-handling submission: its form (ten sections' evidence and actions) or its two small files.</summary>
    public const long SubmissionBytes = 1024 * 1024;

    /// <summary>Request line (method, path and query) and all headers together.</summary>
    public const int RequestLineBytes = 8 * 1024;
    public const int HeadersBytes = 32 * 1024;

    /// <summary>Marks an endpoint that accepts an import upload of up to <see cref="ImportUploadBytes"/>.</summary>
    public static TBuilder ForImportUpload<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new BodyLimit(ImportUploadBytes)).WithFormOptions(multipartBodyLengthLimit: ImportUploadBytes);

    /// <summary>Marks an endpoint that accepts a complaint-handling submission of up to <see cref="SubmissionBytes"/>.</summary>
    public static TBuilder ForSubmission<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new BodyLimit(SubmissionBytes)).WithFormOptions(multipartBodyLengthLimit: SubmissionBytes);

    internal static void Configure(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = ImportUploadBytes;
        kestrel.Limits.MaxRequestLineSize = RequestLineBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = HeadersBytes;
    }

    internal static void Configure(FormOptions forms)
    {
        forms.ValueLengthLimit = (int)FormBytes;
        forms.ValueCountLimit = 200;
        forms.MultipartBodyLengthLimit = FormBytes;
    }

    /// <summary>Applies the endpoint's limit to this request, answering 413 at once when the declared length is over it.</summary>
    internal static Task Apply(HttpContext context, Func<Task> next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? FormBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync($"The request is larger than this address accepts ({limit / 1024:N0} KB).");
        }
        return next();
    }

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
