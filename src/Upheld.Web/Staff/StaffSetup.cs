using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>The staff area's sign-in (the framework's cookie authentication), roles as policies, and anti-forgery.</summary>
/// <remarks>
/// Cookies are HttpOnly and SameSite=Strict, and Secure whenever the request came over HTTPS (directly, or through a
/// proxy on this machine that says so in X-Forwarded-Proto). Plain HTTP is allowed only from this machine itself, where
/// the development server and the tests run; sign-in over plain HTTP from anywhere else is refused
/// (<see cref="SignInPages"/>), so a password or cookie never crosses a network unencrypted.
/// </remarks>
public static class StaffSetup
{
    public const string StaffPolicy = "staff";
    public const string PublisherPolicy = "publisher";
    public const string CookieName = "upheld-staff";
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);

    public static void AddStaff(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/staff/sign-in";
            options.LogoutPath = "/staff/sign-out";
            options.AccessDeniedPath = "/staff/forbidden";
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/staff";
            options.ExpireTimeSpan = SessionLength;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = StillValid;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(StaffRoles.Name(StaffRole.Staff), StaffRoles.Name(StaffRole.Publisher)))
            .AddPolicy(PublisherPolicy, policy => policy.RequireRole(StaffRoles.Name(StaffRole.Publisher)));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "upheld-staff-form";
            options.Cookie.Path = "/staff";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddSingleton<StaffMail>();
        services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedProto);
    }

    /// <summary>A cookie whose account was removed, re-keyed (new password) or changed role no longer signs anyone in.</summary>
    private static Task StillValid(CookieValidatePrincipalContext context)
    {
        var email = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(StaffIdentity.StampClaim);
        var database = context.HttpContext.RequestServices.GetRequiredService<Database>();
        using var connection = database.Connect();
        var user = email is null ? null : StaffUsers.Find(connection, email);
        if (user is null || user.SecurityStamp != stamp || StaffRoles.Name(user.Role) != context.Principal!.FindFirstValue(ClaimTypes.Role))
        {
            context.RejectPrincipal();
            return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        return Task.CompletedTask;
    }

    public static bool IsStaffPath(HttpContext context) => context.Request.Path.StartsWithSegments("/staff");

    /// <summary>Staff answers are personal and may hold unpublished data: never stored by any cache.</summary>
    public static Task NoStore(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>Every form post in the staff area must carry the token of a form the site gave this browser.</summary>
    public static async ValueTask<object?> RequireFormToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            return StaffAnswers.Message(http, StatusCodes.Status400BadRequest, "The form has expired",
                "The form could not be accepted because it was not sent from this site's page, or the page was too old. Go back, reload the page and try again.");
        return await next(context);
    }
}
