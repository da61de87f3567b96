using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary><c>/staff/councils/{code}</c>: a council's figures, letter and case spreadsheets of any year, published or not.</summary>
/// <remarks>
/// Staff may open any council; a council's link officer only their own: every route checks the code against the person,
/// and answers another council exactly as an unknown one (404). Each view of an unpublished year goes to the access log.
/// </remarks>
public static class StaffCouncilsPages
{
    public static void MapStaffCouncils(this RouteGroupBuilder staff)
    {
        staff.MapGet("/councils", (HttpContext context, string? code, SiteData data) =>
        {
            var person = StaffAnswers.Person(context);
            if (!person.IsStaff) return StaffAnswers.SeeOther($"/staff/councils/{person.CouncilCode}");
            if (!string.IsNullOrWhiteSpace(code)) return StaffAnswers.SeeOther($"/staff/councils/{Uri.EscapeDataString(code.Trim().ToUpperInvariant())}");
            return StaffAnswers.Page<CouncilsPage, CouncilsPageModel>(context, new(data.Authorities));
        });

        staff.MapGet("/councils/{code}", (HttpContext context, string code, SiteData data) =>
            Council(context, code, data) is { } council
                ? StaffAnswers.Page<CouncilYearsPage, CouncilYearsPageModel>(context, new(council, YearsSince2018(data.Now).Where(council.ExistsIn).OrderDescending().ToList()))
                : StaffAnswers.NotFound(context));

        staff.MapGet("/councils/{code}/{year}", (HttpContext context, string code, string year, Database database, SiteData data) =>
        {
            if (Council(context, code, data) is not { } council || !FinancialYear.TryParse(year, out var y) || !council.ExistsIn(y.Value)) return StaffAnswers.NotFound(context);
            Upheld.Letters.ComposedLetter? letter;
            AuthorityStatistics? statistics;
            Upheld.Signals.CaseMixRatio? caseMix;
            Upheld.Signals.SignalYear signals;
            using (var connection = database.Connect())
            {
                var counts = CountsQuery.ForYear(connection, y.Value);
                statistics = StatisticsEngine.Compute(counts).FirstOrDefault(s => s.Code == code);
                caseMix = Upheld.Signals.CaseMixEngine.Compute(Upheld.Signals.CaseMixQuery.ForYear(connection, y.Value, counts)).Of(code);
                letter = LetterDesk.Letter(connection, code, y.Value);
                // Every council's tests are needed for the q-values; only this council's signals leave here.
                signals = Upheld.Signals.SignalsQuery.Compute(connection, y.Value);
            }
            var unpublished = UnpublishedViews.Note(context, y.Value, "council: statistics and letter state", code);
            return StaffAnswers.Page<CouncilYearPage, CouncilYearPageModel>(context, new(council, y.Value, statistics, letter, unpublished, caseMix,
                statistics is null ? null : signals.SignalsOf(code), signals.UntestedOf(code)));
        });

        staff.MapGet("/councils/{code}/{year}/letter.html", async (HttpContext context, string code, string year, Database database, SiteData data) =>
        {
            if (Council(context, code, data) is null || !FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            Upheld.Letters.ComposedLetter? letter;
            using (var connection = database.Connect()) letter = LetterDesk.Letter(connection, code, y.Value);
            if (letter is null) return StaffAnswers.NotFound(context);
            UnpublishedViews.Note(context, y.Value, "council: letter preview", code);
            return await LetterReviewPages.Preview(context, letter);
        });

        staff.MapGet("/councils/{code}/{year}/{sheet}.csv", (HttpContext context, string code, string year, string sheet, Database database, SiteData data) =>
        {
            if (Council(context, code, data) is not { } council || !FinancialYear.TryParse(year, out var y) || !council.ExistsIn(y.Value)
                || !CouncilCases.Sheets.ContainsKey(sheet)) return StaffAnswers.NotFound(context);
            UnpublishedViews.Note(context, y.Value, $"council: {sheet}.csv", code);
            using var connection = database.Connect();
            return Results.File(CouncilCases.Csv(connection, sheet, code, y.Value), "text/csv; charset=utf-8", $"{code}-{y.Value}-{sheet}.csv");
        });
    }

    private static IEnumerable<FinancialYear> YearsSince2018(DateTimeOffset now) =>
        Enumerable.Range(2018, Math.Max(1, (now.Month >= 4 ? now.Year : now.Year - 1) - 2018 + 1)).Select(y => new FinancialYear(y));

    /// <summary>The council if it exists and the person may see it; null otherwise, so another council looks like no council.</summary>
    private static Upheld.Authorities.Authority? Council(HttpContext context, string code, SiteData data) =>
        StaffAnswers.Person(context).MaySee(code) ? data.Authority(code) : null;
}
