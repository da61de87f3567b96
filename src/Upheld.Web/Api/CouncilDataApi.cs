using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Cases;
using Upheld.Storage;
using Upheld.Web.Letters;

namespace Upheld.Web.Api;

/// <summary>A council's cases of a published year in the API: decisions (paged), service improvements, public reports, letters.</summary>
public static class CouncilDataApi
{
    public static void MapCouncilData(this IEndpointRouteBuilder app)
    {
        var council = app.MapGroup("/api/v1/authorities/{code}").AddEndpointFilter(OpenDataApi.WithLicence);

        council.MapGet("/years/{year}/decisions", (string code, string year, int? page, SiteData data, Database database) =>
            Visible(data, code, year) is not { } y || page is < 1 ? Results.NotFound()
                : Json(writer =>
                {
                    var result = DecisionPageQuery.For(database, code, y, page ?? 1);
                    writer.WriteStartObject();
                    writer.WriteString("code", code);
                    writer.WriteString("year", y.ToString());
                    writer.WriteNumber("page", result.Page);
                    writer.WriteNumber("page_size", result.PageSize);
                    writer.WriteNumber("total", result.Total);
                    if (result.Page * result.PageSize < result.Total) writer.WriteString("next", $"/api/v1/authorities/{code}/years/{y}/decisions?page={result.Page + 1}");
                    else writer.WriteNull("next");
                    writer.WriteStartArray("decisions");
                    foreach (var d in result.Decisions)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("case_ref", d.CaseRef);
                        writer.WriteString("decision_date", d.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        writer.WriteString("category", d.Category);
                        writer.WriteString("subcategory", d.Subcategory);
                        writer.WriteString("outcome", d.Outcome);
                        writer.WriteBoolean("remedied_by_authority", d.RemediedByAuthority);
                        writer.WriteString("summary", d.Summary);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }))
            .WithName("Decisions").WithSummary("A council's decisions of a published year, every outcome, 100 a page in decision-date order.");

        council.MapGet("/years/{year}/service-improvements", (string code, string year, SiteData data) =>
            Visible(data, code, year) is not { } y ? Results.NotFound() : Json(writer =>
            {
                writer.WriteStartArray();
                foreach (var s in data.CouncilYear(code, y).ServiceImprovements)
                {
                    writer.WriteStartObject();
                    writer.WriteString("case_ref", s.CaseRef);
                    writer.WriteString("decision_date", s.DecisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    writer.WriteString("text", s.Text);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }))
            .WithName("ServiceImprovements").WithSummary("Service improvements a council agreed after complaints decided in a published year.");

        council.MapGet("/years/{year}/public-reports", (string code, string year, SiteData data) =>
            Visible(data, code, year) is not { } y ? Results.NotFound() : Json(writer =>
            {
                writer.WriteStartArray();
                foreach (var r in data.CouncilYear(code, y).PublicReports)
                {
                    writer.WriteStartObject();
                    writer.WriteString("case_ref", r.CaseRef);
                    writer.WriteString("issued_date", r.IssuedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    writer.WriteString("title", r.Title);
                    writer.WriteString("summary", r.Summary);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }))
            .WithName("PublicReports").WithSummary("Public reports issued about a council in a published year.");

        council.MapGet("/letters", Letters)
            .WithName("Letters").WithSummary("A council's published annual review letters, with links to HTML and PDF.");
        council.MapGet("/letters.json", Letters)
            .WithName("LettersFile").WithSummary("The same as /api/v1/authorities/{code}/letters, as a file name.");
    }

    private static IResult Letters(string code, SiteData data, SiteLetters letters)
    {
        if (data.Authority(code) is not { } authority) return Results.NotFound();
        var years = data.PublishedYears().Select(p => p.Year).Where(y => authority.ExistsIn(y) && letters.Approved(code, y) is not null).ToList();
        return Json(writer =>
        {
            writer.WriteStartArray();
            foreach (var y in years)
            {
                writer.WriteStartObject();
                writer.WriteString("year", y.ToString());
                writer.WriteString("html", LetterPages.Href(code, y, "html"));
                writer.WriteString("pdf", LetterPages.Href(code, y, "pdf"));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
    }

    private static FinancialYear? Visible(SiteData data, string code, string year) =>
        data.Authority(code) is { } authority && FinancialYear.TryParse(year, out var y) && authority.ExistsIn(y.Value) && data.Year(y.Value) is not null
            ? y : null;

    private static IResult Json(Action<Utf8JsonWriter> write) => OpenDataApi.Json(write);
}
