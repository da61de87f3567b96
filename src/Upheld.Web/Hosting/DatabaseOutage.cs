using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Upheld.Web.Hosting;

/// <summary>Answers 503 with a short page while the database cannot be reached, and lets the site recover by itself.</summary>
/// <remarks>
/// Pooled PostgreSQL connections outlive a server restart but not its sessions: the pools are cleared on the first
/// failure, so once the server is back every request opens a fresh connection and succeeds.
/// </remarks>
public static class DatabaseOutage
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en" class="govuk-template">
        <head><meta charset="utf-8"><title>Sorry, the service is unavailable – Upheld</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/css/upheld.css"></head>
        <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-xl">Sorry, the service is unavailable</h1>
        <p class="govuk-body">The figures cannot be read at the moment. Try again in a minute.</p>
        </main></div></body></html>
        """;

    public static Func<HttpContext, Func<Task>, Task> Handler(ILogger logger) => async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (Exception e) when (IsOutage(e) && !context.Response.HasStarted)
        {
            NpgsqlConnection.ClearAllPools();
            logger.LogWarning("The database could not be reached for {Path}: {Reason}", context.Request.Path, e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page);
        }
    };

    private static bool IsOutage(Exception e) => e switch
    {
        DbException or System.Net.Sockets.SocketException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.Any(IsOutage),
        _ => e.InnerException is { } inner && IsOutage(inner),
    };
}
