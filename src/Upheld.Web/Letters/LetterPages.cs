using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Upheld.Web.Letters;

/// <summary>A council's annual letter on the site: <c>/councils/{code}/letters/{year}.html</c> and <c>.pdf</c>.</summary>
public static class LetterPages
{
    public static void MapLetters(this IEndpointRouteBuilder app)
    {
        app.MapGet("/councils/{code}/letters/{file}", async (string code, string file, HttpContext context, SiteData data, SiteLetters letters) =>
        {
            var extension = Path.GetExtension(file);
            if (extension is not (".html" or ".pdf") || !FinancialYear.TryParse(Path.GetFileNameWithoutExtension(file), out var year)) return Answers.NotFound();
            if (data.Authority(code) is not { } council || !council.ExistsIn(year.Value) || data.Year(year.Value) is null) return Answers.NotFound();
            if (letters.Approved(code, year.Value) is not { } letter) return Answers.NotFound();
            if (extension == ".pdf") return Results.File(await letters.PdfAsync(letter), "application/pdf");
            // The letter's HTML carries its own styles inline, as an e-mail must; scripts stay forbidden.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
            return Results.Content(await letters.HtmlAsync(letter), "text/html; charset=utf-8");
        });
    }

    public static string Href(string code, FinancialYear year, string format) => $"/councils/{code}/letters/{year}.{format}";
}
