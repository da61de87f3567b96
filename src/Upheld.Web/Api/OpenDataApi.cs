using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Web.Api;

/// <summary>The JSON API under <c>/api/v1/</c>: councils and their statistics, published years only.</summary>
/// <remarks>
/// <c>/api/v1/statistics?year=Y</c> is exactly the array of <c>upheld stats --year Y --format json</c>, never wrapped,
/// so the licence and attribution travel as headers on every answer.
/// </remarks>
public static class OpenDataApi
{
    public const string Licence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    public const string Attribution = "Contains public sector information licensed under the Open Government Licence v3.0; council names from mySociety (CC-BY-4.0)";

    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(WithLicence);

        api.MapGet("/statistics", (string? year, SiteData data) => YearStatistics(year, data))
            .WithName("Statistics").WithSummary("Every council's statistics for a published year, as `upheld stats --format json` prints them.");
        // Path forms of the same answers, so a static copy of the site, which answers paths only, carries them as files.
        api.MapGet("/years/{year}/statistics.json", (string year, SiteData data) => YearStatistics(year, data))
            .WithName("YearStatistics").WithSummary("The same as /api/v1/statistics?year=Y, at a path: every council's statistics for a published year.");

        api.MapGet("/authorities", Authorities)
            .WithName("Authorities").WithSummary("Every council that existed in a published year: type, region, parent, validity and successors.");
        api.MapGet("/authorities.json", Authorities)
            .WithName("AuthoritiesFile").WithSummary("The same as /api/v1/authorities, as a file name.");

        api.MapGet("/authorities/{code}/statistics", AuthorityStatistics)
            .WithName("AuthorityStatistics").WithSummary("One council's statistics in every published year it existed, oldest first; a year revised since publication adds `revised_on` and `as_published`, the record as published.");
        api.MapGet("/authorities/{code}/statistics.json", AuthorityStatistics)
            .WithName("AuthorityStatisticsFile").WithSummary("The same as /api/v1/authorities/{code}/statistics, as a file name.");
    }

    /// <summary>The published years' statistics files, for the data page and the static copy.</summary>
    public static string YearStatisticsHref(FinancialYear year) => $"/api/v1/years/{year}/statistics.json";

    private static IResult YearStatistics(string? year, SiteData data) =>
        FinancialYear.TryParse(year, out var y) && data.Year(y.Value) is { } published
            ? Bytes(stream => StatisticsJson.Write(stream, published.Statistics.Values.OrderBy(s => s.Code, StringComparer.Ordinal)))
            : Results.NotFound();

    private static IResult Authorities(SiteData data) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var a in data.Authorities.Where(a => data.PublishedYears().Any(p => a.ExistsIn(p.Year)))) WriteAuthority(writer, a);
        writer.WriteEndArray();
    });

    private static IResult AuthorityStatistics(string code, SiteData data)
    {
        if (data.Authority(code) is not { } authority) return Results.NotFound();
        var years = data.PublishedYears().Where(p => authority.ExistsIn(p.Year)).Select(p => data.Year(p.Year)!.Statistics[code]).ToList();
        return years.Count == 0 ? Results.NotFound() : Bytes(stream => StatisticsJson.Write(stream, years, more: (writer, s) =>
        {
            if (data.RevisionOf(code, s.Year) is not { } revision) return;
            revision.WriteFields(writer);
        }));
    }

    /// <summary>Adds the licence and attribution headers; every API answer and download carries them.</summary>
    public static async ValueTask<object?> WithLicence(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.Link = $"<{Licence}>; rel=\"license\"";
        context.HttpContext.Response.Headers["X-Attribution"] = Attribution;
        return await next(context);
    }

    private static void WriteAuthority(Utf8JsonWriter writer, Authority a)
    {
        writer.WriteStartObject();
        writer.WriteString("code", a.Code);
        writer.WriteString("name", a.Name);
        writer.WriteString("official_name", a.OfficialName);
        writer.WriteString("type", a.Type.DisplayName());
        writer.WriteString("region", a.Region);
        writer.WriteString("parent_code", a.ParentCode);
        writer.WriteString("valid_from", a.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("valid_to", a.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteStartArray("successor_codes");
        foreach (var successor in a.SuccessorCodes) writer.WriteStringValue(successor);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static IResult Json(Action<Utf8JsonWriter> write) => Bytes(stream =>
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        write(writer);
    });

    // The statistics are written by the same writer as the command line's, so the two are the same to the byte.
    private static IResult Bytes(Action<Stream> write)
    {
        var buffer = new MemoryStream();
        write(buffer);
        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }
}
