using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>What the publication page shows: every year with its publication time and its place on the release calendar, the form as sent back, and its errors.</summary>
public sealed record PublicationModel(IReadOnlyList<(FinancialYear Year, DateTimeOffset? At)> Years, IReadOnlyDictionary<FinancialYear, Release> Calendar, DateTimeOffset Now,
    bool Saved, FormErrors Errors, string? Year, string? Date, string? Time, bool Announce, string? Reason);

/// <summary>
/// <c>/staff/publication</c>: when each year becomes public, and whether its date is on the public release calendar; set or cleared by a
/// publisher, shown on the site without a restart. Moving or cancelling an announced date needs a reason here.
/// </summary>
public static class PublicationPages
{
    public static void MapPublication(this RouteGroupBuilder staff)
    {
        staff.MapGet("/publication", (HttpContext context, Database database, TimeProvider clock, bool? saved) =>
            StaffAnswers.Page<PublicationPage>(context, Model(database, clock, saved == true, FormErrors.None, null)))
            .RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapPost("/publication", async (HttpContext context, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            var form = await context.Request.ReadFormAsync();
            var errors = new FormErrors();
            var yearText = form["year"].ToString().Trim();
            var clear = form["action"] == "clear";
            if (!FinancialYear.TryParse(yearText, out var year)) errors.Add("year", "Choose a year, written like 2019-20");
            DateTimeOffset? at = null;
            if (!clear)
            {
                var text = $"{form["date"].ToString().Trim()}T{form["time"].ToString().Trim()}";
                if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                    at = new DateTimeOffset(local, TimeSpan.Zero);
                else errors.Add(form["date"].ToString().Trim().Length == 0 || !DateOnly.TryParseExact(form["date"].ToString().Trim(), "yyyy-MM-dd", out _) ? "date" : "time",
                    "Enter the date as YYYY-MM-DD and the time as HH:MM (24-hour, UTC)");
            }
            if (errors.Any)
                return StaffAnswers.Page<PublicationPage>(context, Model(database, clock, false, errors, form), StatusCodes.Status400BadRequest);
            var release = new ReleaseNote(Announce: !clear && form[AnnounceField] == "true", Reason: form[ReasonField].ToString(), ReasonRequired: true);
            try
            {
                SetPublication.Run(database, year!.Value, at, StaffAnswers.Person(context).Actor, clock, release);
            }
            catch (ReleaseReasonMissing missing)
            {
                return StaffAnswers.Page<PublicationPage>(context, Model(database, clock, false, new FormErrors().Add(ReasonField, missing.Message), form),
                    StatusCodes.Status400BadRequest);
            }
            // The site keeps figures briefly; forgetting them makes the new schedule count from the next request.
            await refresh.AfterChangeAsync();
            return StaffAnswers.SeeOther("/staff/publication?saved=true");
        }).RequireAuthorization(StaffSetup.PublisherPolicy);
    }

    public const string AnnounceField = "announce";
    public const string ReasonField = "reason";

    private static PublicationModel Model(Database database, TimeProvider clock, bool saved, FormErrors errors, IFormCollection? form)
    {
        using var connection = database.Connect();
        var schedule = Publication.Schedule(connection);
        var now = clock.GetUtcNow();
        var calendar = ReleaseCalendar.Load(connection).At(now).ToDictionary(r => r.Year);
        var years = YearsWithData(connection).Concat(schedule.Keys).Concat(calendar.Keys).Distinct().OrderDescending().ToList();
        return new PublicationModel(years.Select(y => (y, schedule.TryGetValue(y, out var at) ? at : (DateTimeOffset?)null)).ToList(), calendar,
            now, saved, errors, form?["year"].ToString(), form?["date"].ToString(), form?["time"].ToString(), form?[AnnounceField].ToString() == "true", form?[ReasonField].ToString());
    }

    internal static IEnumerable<FinancialYear> YearsWithData(DbConnection connection) =>
        connection.Query<long>("SELECT DISTINCT year FROM decisions UNION SELECT DISTINCT year FROM compliance UNION SELECT DISTINCT year FROM counts")
            .Select(y => new FinancialYear((int)y));
}
