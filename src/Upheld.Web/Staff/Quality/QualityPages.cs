using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Quality;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>The data-quality report of a year, for staff to read before they publish it.</summary>
public static class QualityPages
{
    public static void MapQuality(this RouteGroupBuilder staff) =>
        staff.MapGet("/quality", (HttpContext context, string? year, Database database) =>
        {
            IReadOnlyList<FinancialYear> years;
            using (var connection = database.Connect()) years = PublicationPages.YearsWithData(connection).OrderDescending().ToList();
            if (years.Count == 0) return StaffAnswers.Message(context, StatusCodes.Status200OK, "Data quality", "There is no data yet: import a year first.");
            FinancialYear chosen;
            if (year is null) chosen = years[0];
            else if (FinancialYear.TryParse(year, out var y) && years.Contains(y.Value)) chosen = y.Value;
            else return StaffAnswers.NotFound(context);
            UnpublishedViews.Note(context, chosen, "data-quality report", null);
            return StaffAnswers.Page<QualityPage, QualityPageModel>(context, new(years, chosen, DataQuality.Report(database, chosen, LetterDesk.Editions)));
        }).RequireAuthorization(StaffSetup.StaffPolicy);
}
