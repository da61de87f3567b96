using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Signals;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>A year's service-area signals, strongest first, for staff only: every council, published years and unpublished ones.</summary>
/// <remarks>
/// The public sees a council's signals only on its own page, as published; listing every council by strength is for staff, who
/// decide which to look into. A link officer sees their own council's on its year page (<c>/staff/councils/{code}/{year}</c>).
/// </remarks>
public static class SignalsPages
{
    public static void MapStaffSignals(this RouteGroupBuilder staff) =>
        staff.MapGet("/signals", (HttpContext context, string? year, Database database) =>
        {
            IReadOnlyList<FinancialYear> years;
            using (var connection = database.Connect()) years = PublicationPages.YearsWithData(connection).OrderDescending().ToList();
            if (years.Count == 0) return StaffAnswers.Message(context, StatusCodes.Status200OK, "Early warning", "There is no data yet: import a year first.");
            FinancialYear chosen;
            if (year is null) chosen = years[0];
            else if (FinancialYear.TryParse(year, out var y) && years.Contains(y.Value)) chosen = y.Value;
            else return StaffAnswers.NotFound(context);
            var unpublished = UnpublishedViews.Note(context, chosen, "service-area signals", null);
            return StaffAnswers.Page<SignalsPage, SignalsPageModel>(context, new(years, SignalsQuery.Compute(database, chosen), unpublished));
        }).RequireAuthorization(StaffSetup.StaffPolicy);
}

/// <summary>The years with data, newest first, the chosen year's signals as the data stands, and whether that year is unpublished.</summary>
public sealed record SignalsPageModel(IReadOnlyList<FinancialYear> Years, SignalYear Signals, bool Unpublished);
