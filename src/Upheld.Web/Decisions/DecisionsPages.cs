using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Cases;

namespace Upheld.Web.Decisions;

/// <summary>Decision pages, <c>/decisions/{case_ref}</c>, and the decision search, <c>/decisions?q=…</c>.</summary>
public static class DecisionsPages
{
    public static void MapDecisions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/decisions/{caseRef}", (string caseRef, SiteData data) =>
        {
            if (data.Decision(caseRef) is not { } decision) return Answers.NotFound();
            var council = data.Authority(decision.AuthorityCode);
            return Answers.Page<DecisionPage, DecisionPageModel>(new(
                decision,
                council?.OfficialName ?? decision.AuthorityCode,
                council is null || !council.ExistsIn(decision.Year) ? null : CouncilLinks.Page(council.Code, council.Name, decision.Year),
                data.IsDemonstration,
                data.LatestYear()?.PublishedAt));
        });

        app.MapGet("/decisions", (HttpRequest request, SiteData data, Upheld.Storage.Database database) =>
        {
            string? Asked(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
            var problems = new List<string>();
            DateOnly? AskedDate(string name, string label)
            {
                if (Asked(name) is not { } text) return null;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                problems.Add($"{label} must be a date such as 2019-07-31");
                return null;
            }
            var page = 1;
            if (Asked("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
                return Answers.NotFound();
            var filter = new DecisionFilter(Asked("q"), Asked("council"), Asked("category"), Asked("outcome"),
                AskedDate("from", "The first decision date"), AskedDate("to", "The last decision date"), page);
            var published = data.PublishedYears().Select(p => p.Year).ToList();
            // The bare address is the empty form, the page the site's header links to and a static copy keeps.
            var asked = request.Query.Count > 0;
            var results = asked ? DecisionSearch.Find(database, filter, published) : null;
            // A page past the last is a link nobody was given; the first page always exists, even when nothing matched.
            if (results is not null && page > results.Pages) return Answers.NotFound();
            var councils = data.Authorities.Where(a => published.Any(a.ExistsIn)).OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => (a.Code, a.Name)).ToList();
            return Answers.Page<DecisionSearchPage, DecisionSearchPageModel>(new(
                filter, results, problems, councils, data.Authorities.ToDictionary(a => a.Code, a => a.Name),
                data.IsDemonstration, data.LatestYear()?.PublishedAt));
        });
    }
}
