using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Signals;
using Upheld.Web.Api;

namespace Upheld.Web.CaseMix;

/// <summary>
/// Case-mix ratios in the API and the downloads, published years only (docs/site-and-api.md): a year's signals for every council,
/// a council's in every published year, and the council page's working and trend as CSV.
/// </summary>
/// <remarks>Every answer is the same bytes as <c>upheld signals</c> writes for the same councils and year.</remarks>
public static class CaseMixPages
{
    public static void MapCaseMix(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(OpenDataApi.WithLicence);
        api.MapGet("/years/{year}/signals.json", (string year, SiteData data) =>
                FinancialYear.TryParse(year, out var y) && data.CaseMix(y.Value) is { } caseMix
                    ? Results.Bytes(SignalsJson.Bytes(y.Value, caseMix.Councils, data.Signals(y.Value)!.Values), Json) : Results.NotFound())
            .WithName("YearSignals").WithSummary("Every council's ratio of upheld complaints to those expected given its mix of services, for a published year, as `upheld signals --year Y --format json` prints it, and the year's service-area signals as published with the year, in council code order.");
        api.MapGet("/authorities/{code}/signals", Authority)
            .WithName("AuthoritySignals").WithSummary("One council's case-mix ratio in every published year it existed, oldest first: an array of what `upheld signals --year Y --authority CODE --format json` prints, with the council's service-area signals of each year as published with it; a council whose counts or comparison changed since publication adds `revised_on` and `as_published`, its record as published.");
        api.MapGet("/authorities/{code}/signals.json", Authority)
            .WithName("AuthoritySignalsFile").WithSummary("The same as /api/v1/authorities/{code}/signals, as a file name.");

        var downloads = app.MapGroup("").AddEndpointFilter(OpenDataApi.WithLicence);
        downloads.MapGet("/years/{year}/case-mix.csv", (string year, SiteData data) =>
            FinancialYear.TryParse(year, out var y) && data.CaseMix(y.Value) is { } caseMix
                ? Results.Bytes(SignalsCsv.Bytes(caseMix.Councils), Csv) : Answers.NotFound());
        downloads.MapGet("/councils/{code}/{slug}/case-mix.csv", (string code, string slug, SiteData data) =>
        {
            if (data.Authority(code) is not { } council || slug != Slug.For(council.Name)) return Answers.NotFound();
            var years = Years(data, council).Select(y => y.Ratio).ToList();
            return years.Count == 0 ? Answers.NotFound() : Results.Bytes(SignalsCsv.Bytes(years), Csv);
        });
        downloads.MapGet("/councils/{code}/{slug}/{year}/signals.csv", (string code, string slug, string year, SiteData data) =>
            data.Authority(code) is { } council && slug == Slug.For(council.Name) && FinancialYear.TryParse(year, out var y) && council.ExistsIn(y.Value)
                && data.Signals(y.Value) is { } signals && signals.TryGetValue(code, out var ofCouncil)
                ? Results.Bytes(SignalsCsv.Signals(ofCouncil), Csv) : Answers.NotFound());
        downloads.MapGet("/councils/{code}/{slug}/{year}/case-mix.csv", (string code, string slug, string year, SiteData data) =>
            data.Authority(code) is { } council && slug == Slug.For(council.Name) && FinancialYear.TryParse(year, out var y) && council.ExistsIn(y.Value)
                && data.CaseMix(y.Value)?.Of(code) is { } ratio
                ? Results.Bytes(SignalsCsv.Working(ratio), Csv) : Answers.NotFound());
    }

    /// <summary>The council's case-mix ratio in every published year, as CSV.</summary>
    public static string CouncilHref(string code, string name) => $"/councils/{code}/{Slug.For(name)}/case-mix.csv";

    /// <summary>The council's service-area signals of a published year, as CSV.</summary>
    public static string SignalsHref(string code, string name, FinancialYear year) => $"/councils/{code}/{Slug.For(name)}/{year}/signals.csv";

    public static string AuthorityHref(string code) => $"/api/v1/authorities/{code}/signals.json";

    public static string YearHref(FinancialYear year) => $"/api/v1/years/{year}/signals.json";

    public static string YearCsvHref(FinancialYear year) => $"/years/{year}/case-mix.csv";

    private const string Json = "application/json; charset=utf-8";
    private const string Csv = "text/csv; charset=utf-8";

    private static IEnumerable<(FinancialYear Year, CaseMixRatio Ratio)> Years(SiteData data, Authority council) =>
        data.PublishedYears().Where(p => council.ExistsIn(p.Year)).Select(p => (p.Year, data.CaseMix(p.Year)!.Of(council.Code)!));

    private static IResult Authority(string code, SiteData data)
    {
        if (data.Authority(code) is not { } authority) return Results.NotFound();
        var years = Years(data, authority).ToList();
        if (years.Count == 0) return Results.NotFound();
        var buffer = new MemoryStream();
        SignalsJson.WriteYears(buffer, years.Select(y => (y.Year, (IEnumerable<CaseMixRatio>)[y.Ratio])), more: (writer, r) =>
        {
            if (data.RevisionOf(code, r.Year, Upheld.Publishing.PublishedKinds.CaseMix) is not { } revision) return;
            revision.WriteFields(writer);
        }, published: y => data.Signals(y)!.TryGetValue(code, out var signals) ? [signals] : []);
        return Results.Bytes(buffer.ToArray(), Json);
    }
}
