using System.Net;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Web.Staff;

namespace Upheld.Tests.Web.Staff;

/// <summary>Sign-in: every staff route needs it, passwords are hashed by the framework, repeated failures lock the account, cookies are guarded.</summary>
public abstract class SignInTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    public static readonly TheoryData<string, string> StaffRoutes = new()
    {
        { "GET", "/staff" }, { "GET", "/staff/record" }, { "GET", "/staff/record/decision" }, { "POST", "/staff/record/decision" },
        { "GET", "/staff/import" }, { "POST", "/staff/import" }, { "GET", "/staff/letters" }, { "GET", "/staff/letters/E06000017/2019-20" },
        { "GET", "/staff/letters/E06000017/2019-20/preview.html" }, { "POST", "/staff/letters/E06000017/2019-20/commentary" },
        { "POST", "/staff/letters/E06000017/2019-20/switches" }, { "POST", "/staff/letters/E06000017/2019-20/approve" },
        { "GET", "/staff/publication" }, { "POST", "/staff/publication" }, { "GET", "/staff/audit" }, { "GET", "/staff/access-log" }, { "GET", "/staff/quality" },
        { "GET", "/staff/councils" }, { "GET", "/staff/councils/E06000017" }, { "GET", "/staff/councils/E06000017/2019-20" },
        { "GET", "/staff/councils/E06000017/2019-20/letter.html" }, { "GET", "/staff/councils/E06000017/2019-20/decided.csv" },
        { "GET", "/staff/no-such-page" }, { "GET", "/staff/forbidden" },
    };

    [SkippableTheory]
    [MemberData(nameof(StaffRoutes))]
    public async Task An_unauthenticated_request_to_a_staff_route_is_sent_to_sign_in(string method, string path)
    {
        var response = await Site.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([]) : null });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/staff/sign-in?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [SkippableFact]
    public async Task The_password_is_stored_only_as_the_framework_s_hash_and_signs_in()
    {
        StaffSession.AddAccount(Site, "Sam@Example.org", StaffRole.Staff);
        var session = new StaffSession(Site);

        var signIn = await session.SignIn("sam@example.org", StaffSession.Password);
        var home = await session.Get("/staff");

        using var connection = Site.Database.Connect();
        var stored = StaffUsers.Find(connection, "sam@example.org")!;
        Assert.DoesNotContain(StaffSession.Password, stored.PasswordHash);
        Assert.StartsWith("AQAAAA", stored.PasswordHash); // Identity's version 3 format: PBKDF2 with a salt
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/staff", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Signed in as Sam Staff", home.Body);
    }

    [SkippableFact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one()
    {
        StaffSession.AddAccount(Site, "sam@example.org", StaffRole.Staff);
        var session = new StaffSession(Site);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.BadRequest, (await session.SignIn("sam@example.org", "wrong password " + i)).StatusCode);

        var whileLocked = await session.SignIn("sam@example.org", StaffSession.Password);
        var lockedPage = await whileLocked.Content.ReadAsStringAsync();
        Site.Clock.Now += TimeSpan.FromMinutes(14);
        var stillLocked = await session.SignIn("sam@example.org", StaffSession.Password);
        Site.Clock.Now += TimeSpan.FromMinutes(2);
        var afterwards = await session.SignIn("sam@example.org", StaffSession.Password);

        Assert.Equal(HttpStatusCode.BadRequest, whileLocked.StatusCode);
        Assert.Contains("This account is locked after 5 failed sign-ins", lockedPage);
        Assert.Equal(HttpStatusCode.BadRequest, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
    }

    [SkippableFact]
    public async Task Four_wrong_passwords_then_the_right_one_signs_in_and_starts_the_count_again()
    {
        StaffSession.AddAccount(Site, "sam@example.org", StaffRole.Staff);
        var session = new StaffSession(Site);
        for (var i = 0; i < 4; i++) await session.SignIn("sam@example.org", "wrong");

        Assert.Equal(HttpStatusCode.Redirect, (await session.SignIn("sam@example.org", StaffSession.Password)).StatusCode);
        using var connection = Site.Database.Connect();
        Assert.Equal(0, StaffUsers.Find(connection, "sam@example.org")!.FailedSignIns);
    }

    [SkippableFact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        StaffSession.AddAccount(Site, "sam@example.org", StaffRole.Staff);
        var session = new StaffSession(Site);

        var unknown = await (await session.SignIn("nobody@example.org", "whatever it is")).Content.ReadAsStringAsync();
        var wrong = await (await session.SignIn("sam@example.org", "whatever it is")).Content.ReadAsStringAsync();

        Assert.Contains("The e-mail address or password is not right", unknown);
        Assert.Contains("The e-mail address or password is not right", wrong);
    }

    [SkippableFact]
    public async Task Over_HTTPS_the_sign_in_cookie_is_secure_http_only_and_same_site_strict()
    {
        StaffSession.AddAccount(Site, "sam@example.org", StaffRole.Staff);

        var response = await new StaffSession(Site, https: true).SignIn("sam@example.org", StaffSession.Password);

        var signInCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffSetup.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", signInCookie);
        Assert.Contains("; httponly", signInCookie);
        Assert.Contains("; samesite=strict", signInCookie);
        Assert.Contains("; path=/staff", signInCookie);
    }

    [SkippableFact]
    public async Task Signing_out_ends_the_session()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var signOut = await session.PostForm("/staff", "/staff/sign-out", []);
        var after = await session.Client.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/staff/sign-in", after.Headers.Location!.PathAndQuery);
    }

    [SkippableFact]
    public async Task A_new_password_signs_the_account_out_everywhere()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "sam@example.org");
        using (var connection = Site.Database.Connect()) StaffUsers.SetPassword(connection, "sam@example.org", StaffPasswords.Hash("another long password"));

        var after = await session.Client.GetAsync("/staff/audit");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [SkippableFact]
    public async Task Staff_answers_are_never_cached()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await session.Client.GetAsync("/staff/audit");

        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Null(response.Headers.ETag);
    }
}

public sealed class SqliteSignInTests() : SignInTests(DatabaseProvider.Sqlite);

public sealed class PostgresSignInTests() : SignInTests(DatabaseProvider.PostgreSql);
