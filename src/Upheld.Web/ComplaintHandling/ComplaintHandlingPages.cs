using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Publishing;
using Upheld.Web.Api;

namespace Upheld.Web.ComplaintHandling;

/// <summary>
/// Complaint handling in the API and the downloads, published years only (docs/site-and-api.md): a council's figures in
/// every published year, a year's figures for every council, and the council page's two tables as CSV.
/// </summary>
/// <remarks>Every answer is the same bytes as <c>upheld complaint-handling</c> writes; nothing ranks councils or lists those that sent nothing.</remarks>
public static class ComplaintHandlingPages
{
    public static void MapComplaintHandling(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(OpenDataApi.WithLicence);
        api.MapGet("/authorities/{code}/complaint-handling", Authority)
            .WithName("AuthorityComplaintHandling").WithSummary("One council's own complaint figures and Complaint Handling Code self-assessment in every published year it existed, oldest first, as `upheld complaint-handling --format json` prints them; a year revised since publication adds `revised_on` and `as_published`, the element as published.");
        api.MapGet("/authorities/{code}/complaint-handling.json", Authority)
            .WithName("AuthorityComplaintHandlingFile").WithSummary("The same as /api/v1/authorities/{code}/complaint-handling, as a file name.");
        api.MapGet("/years/{year}/complaint-handling.json", (string year, SiteData data) =>
                FinancialYear.TryParse(year, out var y) && data.ComplaintHandling(y.Value) is { } figures
                    ? Json(figures.Values.OrderBy(f => f.Code, StringComparer.Ordinal)) : Results.NotFound())
            .WithName("YearComplaintHandling").WithSummary("Every council's complaint handling for a published year, as `upheld complaint-handling --year Y --format json` prints it.");

        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet("/councils/{code}/{slug}/{year}/complaint-handling.csv", (string code, string slug, string year, SiteData data) =>
            CouncilYear(data, code, slug, year) is { } f
                ? Results.Bytes(ComplaintHandlingCsv.Bytes([f]), "text/csv; charset=utf-8") : Answers.NotFound());
        downloads.MapGet("/councils/{code}/{slug}/{year}/self-assessment.csv", (string code, string slug, string year, SiteData data) =>
            CouncilYear(data, code, slug, year) is { } f
                ? Results.Bytes(ComplaintHandlingCsv.SelfAssessment(f), "text/csv; charset=utf-8") : Answers.NotFound());
    }

    public static string AuthorityHref(string code) => $"/api/v1/authorities/{code}/complaint-handling.json";

    public static string YearHref(FinancialYear year) => $"/api/v1/years/{year}/complaint-handling.json";

    private static IResult Authority(string code, SiteData data)
    {
        if (data.Authority(code) is not { } authority) return Results.NotFound();
        var years = data.PublishedYears().Where(p => authority.ExistsIn(p.Year)).Select(p => data.ComplaintHandling(p.Year)![code]).ToList();
        return years.Count == 0 ? Results.NotFound() : Json(years, (writer, f) =>
        {
            if (data.RevisionOf(code, f.Year, PublishedKinds.ComplaintHandling) is not { } revision) return;
            revision.WriteFields(writer);
        });
    }

    private static ComplaintHandlingFigures? CouncilYear(SiteData data, string code, string slug, string year) =>
        data.Authority(code) is { } council && slug == Slug.For(council.Name) && FinancialYear.TryParse(year, out var y)
            && council.ExistsIn(y.Value) && data.ComplaintHandling(y.Value) is { } figures ? figures[code] : null;

    private static IResult Json(IEnumerable<ComplaintHandlingFigures> figures, Action<System.Text.Json.Utf8JsonWriter, ComplaintHandlingFigures>? more = null)
    {
        var buffer = new MemoryStream();
        ComplaintHandlingJson.Write(buffer, figures, more: more);
        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }
}
