using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary><c>/staff/sign-in</c> and <c>/staff/sign-out</c>: passwords checked by the framework's hasher, lock-out after repeated failures.</summary>
public static class SignInPages
{
    public static void MapSignIn(this RouteGroupBuilder staff)
    {
        staff.MapGet("/sign-in", (HttpContext context, string? returnUrl) =>
            StaffAnswers.Page<SignInPage, SignInPageModel>(context, new(null, LocalOnly(returnUrl), FormErrors.None))).AllowAnonymous();

        staff.MapPost("/sign-in", async (HttpContext context, string? returnUrl, Database database, TimeProvider clock) =>
        {
            var form = await context.Request.ReadFormAsync();
            var email = form["email"].ToString().Trim();
            var password = form["password"].ToString();
            var errors = new FormErrors();
            if (!context.Request.IsHttps && !FromThisMachine(context))
                errors.Add("", "Sign in over HTTPS: this connection is not encrypted.");
            if (email.Length == 0) errors.Add("email", "Enter your e-mail address");
            if (password.Length == 0) errors.Add("password", "Enter your password");
            if (!errors.Any)
            {
                var now = clock.GetUtcNow();
                using var connection = database.Connect();
                // The attempt is claimed before the password is checked, so guesses sent at once cannot outrun the count.
                var user = StaffUsers.ClaimSignIn(connection, email, now);
                // A locked account and an unknown address spend a hash too, and get the same words as a wrong password:
                // neither the answer nor its time tells a stranger which addresses have accounts.
                if (user is null) StaffPasswords.VerifyNobody(password);
                if (user is null || !StaffPasswords.Verify(user, password))
                {
                    if (user?.LockedUntil is { } until) AccountLockOut.Record(connection, now, user.Email, until);
                    errors.Add("email", $"The e-mail address or password is not right. To protect accounts, too many failed sign-ins in a row lock an account for {StaffUsers.LockOut.TotalMinutes:0} minutes.");
                }
                else
                {
                    StaffUsers.ResetLockOut(connection, user.Email);
                    await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffIdentity.Principal(user),
                        new AuthenticationProperties { IsPersistent = false, IssuedUtc = now });
                    return StaffAnswers.SeeOther(LocalOnly(returnUrl) ?? "/staff");
                }
            }
            return StaffAnswers.Page<SignInPage, SignInPageModel>(context, new(email, LocalOnly(returnUrl), errors), StatusCodes.Status400BadRequest);
        }).AllowAnonymous();

        staff.MapPost("/sign-out", async (HttpContext context, Database database) =>
        {
            // Rotating the stamp ends this session everywhere, and any copy of its cookie: removing the cookie alone would not.
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } signedIn)
            {
                using var connection = database.Connect();
                StaffUsers.EndSessions(connection, signedIn);
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return StaffAnswers.SeeOther("/staff/sign-in");
        }).AllowAnonymous();

        staff.MapGet("/forbidden", (HttpContext context) =>
            StaffAnswers.Message(context, StatusCodes.Status403Forbidden, "You cannot use this page", "Your role does not allow this page. Ask an administrator if you need it."));
    }

    /// <summary>Only a path on this site, so that a crafted sign-in link cannot send someone elsewhere afterwards.</summary>
    private static string? LocalOnly(string? url) =>
        url is { Length: > 1 } && url.StartsWith("/staff", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : null;

    // The in-memory test server has no remote address; a development server answers the loopback address.
    private static bool FromThisMachine(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);
}
