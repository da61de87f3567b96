using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Upheld.Web.Staff;

/// <summary>The staff area under <c>/staff</c>: every route needs sign-in, every form post its anti-forgery token.</summary>
public static class StaffPages
{
    public static void MapStaff(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/staff").RequireAuthorization().AddEndpointFilter(StaffSetup.RequireFormToken);
        staff.MapSignIn();
        staff.MapGet("", (HttpContext context) =>
            StaffIdentity.Of(context.User) is { IsStaff: false } officer
                ? StaffAnswers.SeeOther($"/staff/councils/{officer.CouncilCode}")
                : StaffAnswers.Page<StaffHomePage>(context));
        staff.MapRecording();
        staff.MapImportUpload();
        staff.MapLetterReview();
        staff.MapLetterSending();
        staff.MapPublication();
        staff.MapQuality();
        staff.MapLogs();
        staff.MapStaffCouncils();
        // An unknown address in the staff area still asks for sign-in first, so it reveals nothing.
        // A plain RequestDelegate: the compile-time route generator maps a lambda fallback twice (an ambiguous match).
        app.MapFallback("/staff/{**rest}", (RequestDelegate)(context => StaffAnswers.NotFound(context).ExecuteAsync(context))).RequireAuthorization();
    }
}
