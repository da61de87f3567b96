using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Upheld.Accounts;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>Writes to the access log whenever someone is shown a year's data before its publication time.</summary>
internal static class UnpublishedViews
{
    /// <summary>True, and logged, when <paramref name="year"/> is not yet public; false when it is.</summary>
    public static bool Note(HttpContext context, FinancialYear year, string what, string? councilCode)
    {
        var database = context.RequestServices.GetRequiredService<Database>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        using var connection = database.Connect();
        if (Publication.IsVisible(connection, year, new Audience.Public(now))) return false;
        var person = StaffAnswers.Person(context);
        AccessLog.Record(connection, now, person.Label, what, year, councilCode, person.Role, person.Role == StaffRole.LinkOfficer ? person.CouncilCode : null);
        return true;
    }
}
