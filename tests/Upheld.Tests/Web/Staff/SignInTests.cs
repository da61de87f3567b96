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
        { "GET", "/staff/complaint-handling/2019-20" }, { "POST", "/staff/complaint-handling/2019-20/E06000017/upload" },
        { "GET", "/staff/no-such-page" }, { "GET", "/staff/forbidden" },
        { "GET", "/staff/signals" }, { "GET", "/staff/signals?year=2019-20" },
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
        Assert.Contains("The e-mail address or password is not right", lockedPage);
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
    public async Task A_locked_account_gets_the_same_answer_as_an_unknown_address_and_the_lock_is_in_the_audit_log()
    {
        StaffSession.AddAccount(Site, "sam@example.org", StaffRole.Staff);
        var session = new StaffSession(Site);
        for (var i = 0; i < 5; i++) await session.SignIn("sam@example.org", "wrong password " + i);

        var lockedRight = await AnswerTo(session, "sam@example.org", StaffSession.Password);
        var lockedWrong = await AnswerTo(session, "sam@example.org", "wrong password again");
        var unknown = await AnswerTo(session, "nobody@example.org", StaffSession.Password);

        Assert.Equal(unknown, lockedRight);
        Assert.Equal(unknown, lockedWrong);
        Assert.DoesNotContain("locked after", unknown.Body);
        Assert.Contains("too many", unknown.Body); // says that repeated failures lock an account, not whether this one is
        using var connection = Site.Database.Connect();
        var entry = AuditLog.LatestOf(connection, "lock account", "staff user sam@example.org");
        Assert.NotNull(entry);
        Assert.Contains(StoredTime.Format(Site.Clock.GetUtcNow() + StaffUsers.LockOut), entry.After);
        // And in the access log, which staff read for who tried to get at what: one entry for the one lock.
        var locks = AccessLog.Latest(connection).Where(e => e.Who == "sam@example.org").ToList();
        var access = Assert.Single(locks);
        Assert.Null(access.Year);
        Assert.Contains("locked", access.What);
        var reader = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "lee@example.org");
        var (status, page) = await reader.Get("/staff/access-log");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("sam@example.org", page);
    }

    /// <summary>The answer page with what differs by request alone taken out: the address typed (echoed in the form) and the form token.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> AnswerTo(StaffSession session, string email, string password)
    {
        var response = await session.SignIn(email, password);
        var body = await response.Content.ReadAsStringAsync();
        body = body.Replace(email, "ADDRESS", StringComparison.Ordinal);
        body = System.Text.RegularExpressions.Regex.Replace(body, "name=\"__RequestVerificationToken\" value=\"[^\"]+\"", "TOKEN");
        return (response.StatusCode, body);
    }

    [SkippableTheory]
    [InlineData("sign-out")]
    [InlineData("new password")]
    [InlineData("account removed")]
    public async Task A_copy_of_the_cookie_taken_before_the_session_ended_opens_nothing_afterwards(string ending)
    {
        StaffSession.AddAccount(Site, "sam@example.org", StaffRole.Staff);
        var session = new StaffSession(Site);
        var signIn = await session.SignIn("sam@example.org", StaffSession.Password);
        var copy = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffSetup.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        HttpRequestMessage Replay() => new(HttpMethod.Get, "/staff/audit") { Headers = { { "Cookie", copy } } };
        var before = await Site.Client.SendAsync(Replay());

        if (ending == "sign-out") Assert.Equal(HttpStatusCode.Redirect, (await session.PostForm("/staff", "/staff/sign-out", [])).StatusCode);
        else
        {
            using var connection = Site.Database.Connect();
            if (ending == "new password") StaffUsers.SetPassword(connection, "sam@example.org", StaffPasswords.Hash("another long password"));
            else StaffUsers.Remove(connection, "sam@example.org");
        }
        var after = await Site.Client.SendAsync(Replay());

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/staff/sign-in", after.Headers.Location!.PathAndQuery);
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
