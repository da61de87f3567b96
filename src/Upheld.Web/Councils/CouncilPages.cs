using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.Publishing;
using Upheld.Web.Letters;

namespace Upheld.Web.Councils;

/// <summary>Council pages: <c>/councils/{code}</c> and <c>/councils/{code}/{slug}[/{year}]</c>.</summary>
public static class CouncilPages
{
    public static void MapCouncils(this IEndpointRouteBuilder app)
    {
        app.MapGet("/councils/{code}", (string code, HttpRequest request, SiteData data) =>
        {
            if (data.Authority(code) is not { } council || LatestYearOf(data, council) is not { } latest) return Answers.NotFound();
            if (request.Query["year"].ToString() is { Length: > 0 } asked)
            {
                return FinancialYear.TryParse(asked, out var y) && Visible(data, council, y.Value)
                    ? Answers.MovedTo(CouncilLinks.Page(code, council.Name, y.Value)) : Answers.NotFound();
            }
            return Answers.MovedTo(CouncilLinks.Page(code, council.Name));
        });

        app.MapGet("/councils/{code}/{slug}", (string code, string slug, SiteData data, SiteLetters letters) =>
        {
            if (data.Authority(code) is not { } council || LatestYearOf(data, council) is not { } latest) return Answers.NotFound();
            return slug == Slug.For(council.Name) ? Render(data, letters, council, latest) : Answers.MovedTo(CouncilLinks.Page(code, council.Name));
        });

        app.MapGet("/councils/{code}/{slug}/{year}", (string code, string slug, string year, SiteData data, SiteLetters letters) =>
        {
            if (data.Authority(code) is not { } council || !FinancialYear.TryParse(year, out var y) || !Visible(data, council, y.Value))
                return Answers.NotFound();
            return slug == Slug.For(council.Name) ? Render(data, letters, council, y.Value) : Answers.MovedTo(CouncilLinks.Page(code, council.Name, y.Value));
        });
    }

    private static bool Visible(SiteData data, Authority council, FinancialYear year) =>
        council.ExistsIn(year) && data.PublishedYears().Any(p => p.Year == year);

    private static FinancialYear? LatestYearOf(SiteData data, Authority council) =>
        data.PublishedYears().Select(p => p.Year).Where(council.ExistsIn).Cast<FinancialYear?>().LastOrDefault();

    private static IResult Render(SiteData data, SiteLetters siteLetters, Authority council, FinancialYear year)
    {
        var published = data.Year(year)!;
        var s = published.Statistics[council.Code];
        var c = s.Counts;
        var typePlural = council.Type switch
        {
            AuthorityType.County => "county councils",
            AuthorityType.District => "district councils",
            AuthorityType.MetropolitanBorough => "metropolitan boroughs",
            AuthorityType.Unitary => "unitary councils",
            _ => "London boroughs",
        };
        var caseMix = data.CaseMix(year)!;
        StatisticTile[] tiles =
        [
            StatisticTile.Proportion("Complaints upheld", s.Uphold, c.Upheld, c.Investigations, "upheld", "detailed investigation", "detailed investigations", typePlural),
            StatisticTile.CaseMix(caseMix.Of(council.Code)!, caseMix.TypeRatio(council.Type), typePlural,
                data.RevisionOf(council.Code, year, Upheld.Publishing.PublishedKinds.CaseMix)),
            StatisticTile.Proportion("Compliance with recommendations", s.Compliance, c.Complied, c.ComplianceOutcomes, "where the council carried out the recommendations", "compliance outcome", "compliance outcomes", typePlural),
            StatisticTile.Proportion("Satisfactory remedies provided by the council", s.SatisfactoryRemedy, c.SatisfactoryRemedies, c.Upheld, "the council had already put right", "upheld decision", "upheld decisions", typePlural),
            StatisticTile.PerHundredThousand(s.UpheldPer100k, c.Upheld, c.Population, year, typePlural),
        ];
        var years = data.PublishedYears().Select(p => p.Year).Where(council.ExistsIn)
            .Select(y => (y, CouncilLinks.Page(council.Code, council.Name, y))).ToList();
        var trend = years.Select(y => data.CaseMix(y.y)! is var m
            ? new CouncilTrendYear(y.y, y.Item2, data.Year(y.y)!.Statistics[council.Code], m.Of(council.Code)!, m.TypeRatio(council.Type)) : null!).ToList();
        var trends = CouncilTrends.For(trend, typePlural);
        var letters = years.Select(y => y.y).Where(y => siteLetters.Approved(council.Code, y) is not null).ToList();
        var revisedLetters = letters.Where(y => siteLetters.IsRevisedSincePublication(council.Code, y)).ToList();
        var related = Related(data, council, year);
        return Answers.Page<CouncilPage, CouncilPageModel>(new(
            council, published, years, tiles, data.CouncilYear(council.Code, year), trend, related, letters, revisedLetters,
            data.RevisionOf(council.Code, year), data.SourceOf(council.Code, year), data.IsDemonstration,
            ComplaintHandlingOf(data, council, year), typePlural,
            new[] { data.RevisionOf(council.Code, year, PublishedKinds.ComplaintHandling), data.RevisionOf(council.Code, year, PublishedKinds.SelfAssessment) }
                .OfType<RecordRevision>().ToList(), caseMix.Of(council.Code)!, trends,
            data.Signals(year)!.TryGetValue(council.Code, out var signals) ? signals : null));
    }

    // Years before councils made returns (the Code's first year of returns is 2024-25) have no section, rather than one saying nothing came.
    private static Upheld.ComplaintHandling.ComplaintHandlingFigures? ComplaintHandlingOf(SiteData data, Authority council, FinancialYear year) =>
        data.ComplaintHandling(year) is { } figures && figures.Values.Any(f => f.HasReturn || f.Counts.SelfAssessment is not null) ? figures[council.Code] : null;

    /// <summary>The councils a page links to: its districts or its county, and its successors once abolished.</summary>
    private static IReadOnlyList<(string Heading, IReadOnlyList<(string Name, string? Href)> Links)> Related(SiteData data, Authority council, FinancialYear year)
    {
        // A council has a page only for published years it existed in; others are named without a link.
        var published = data.PublishedYears().Select(p => p.Year).ToList();
        (string, string?) Link(Authority a) => (a.OfficialName, published.Any(a.ExistsIn) ? CouncilLinks.Page(a.Code, a.Name) : null);
        var groups = new List<(string, IReadOnlyList<(string, string?)>)>();
        if (council.SuccessorCodes.Count > 0)
            groups.Add(($"Replaced on {council.ValidTo!.Value.AddDays(1):d MMMM yyyy} by", council.SuccessorCodes.Select(data.Authority).OfType<Authority>().Select(Link).ToList()));
        if (council.Type == AuthorityType.County)
            groups.Add(("District councils in this county", data.Authorities.Where(a => a.ParentCode == council.Code && a.ExistsIn(year)).Select(Link).ToList()));
        if (council.ParentCode is { } parent && data.Authority(parent) is { } county)
            groups.Add(("County council", [Link(county)]));
        return groups.Where(g => g.Item2.Count > 0).ToList();
    }
}
