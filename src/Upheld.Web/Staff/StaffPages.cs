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
        // A link officer's start page is their council's: its complaint-handling submissions and any query about them.
        staff.MapGet("", (HttpContext context, Storage.Database database, TimeProvider clock, SiteData data) =>
            StaffIdentity.Of(context.User) is { IsStaff: false }
                ? SubmissionPages.LinkOfficerHome(context, database, clock, data)
                : StaffAnswers.Page<StaffHomePage>(context));
        staff.MapRecording();
        staff.MapImportUpload();
        staff.MapLetterReview();
        staff.MapLetterSending();
        staff.MapPublication();
        staff.MapQuality();
        staff.MapLogs();
        staff.MapStaffCouncils();
        staff.MapSubmissions();
        staff.MapStaffSignals();
        // An unknown address in the staff area still asks for sign-in first, so it reveals nothing.
        // A plain RequestDelegate: the compile-time route generator maps a lambda fallback twice (an ambiguous match).
        app.MapFallback("/staff/{**rest}", (RequestDelegate)(context => StaffAnswers.NotFound(context).ExecuteAsync(context))).RequireAuthorization();
    }
}
