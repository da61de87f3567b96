using System.Net;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.Storage;
using Upheld.Tests.Web.Staff;
using Upheld.Web.Staff;

namespace Upheld.Tests.Reliability;

/// <summary>Many wrong passwords for one account sent at once, through two <c>upheld serve</c> processes over one database.</summary>
public sealed class SignInStormTests
{
    private const int Guesses = 30;

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Guesses_sent_at_once_to_two_processes_lock_the_account_after_five_and_the_right_password_then_fails(DatabaseProvider provider)
    {
        using var store = TestDatabase.Create(provider);
        using (var connection = store.Database.Connect())
            StaffUsers.Add(connection, new StaffUser("pat@example.org", "Pat", StaffRole.Publisher, null,
                StaffPasswords.Hash(StaffSession.Password), 0, null, StaffUsers.NewStamp()), DateTimeOffset.UtcNow);
        // For SQLite the two processes open the one file, as two instances on one machine would.
        var db = provider == DatabaseProvider.Sqlite ? store.Database.Description : store.Database.ConnectionString;
        var starting = new[] { ServeProcess.StartAsync(db), ServeProcess.StartAsync(db) };
        using var first = await starting[0];
        using var second = await starting[1];
        // Each guess from its own browser, with its own form token, half of them at each process.
        var browsers = Enumerable.Range(0, Guesses).Select(i => Browser(i % 2 == 0 ? first : second)).ToList();
        var tokens = await Task.WhenAll(browsers.Select(async b => StaffSession.TokenOf(await b.GetStringAsync("/staff/sign-in"), "/staff/sign-in")));

        using var go = new SemaphoreSlim(0);
        var storm = browsers.Select(async (b, i) =>
        {
            await go.WaitAsync();
            return (await SignIn(b, tokens[i], "wrong password " + i)).StatusCode;
        }).ToList();
        go.Release(Guesses);
        var answers = await Task.WhenAll(storm);
        var afterwards = await SignIn(browsers[0], StaffSession.Password);
        var onOther = await SignIn(browsers[1], StaffSession.Password);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.BadRequest, a));
        using (var connection = store.Database.Connect())
        {
            var stored = StaffUsers.Find(connection, "pat@example.org")!;
            // Exactly five claims were counted: one per password checked, and the fifth locked the account.
            Assert.Equal((StaffUsers.FailuresBeforeLockOut, true), (stored.FailedSignIns, stored.IsLockedAt(DateTimeOffset.UtcNow)));
            Assert.Single(AuditLog.Latest(connection), e => e.Action == "lock account");
        }
        Assert.Equal(HttpStatusCode.BadRequest, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, onOther.StatusCode);
        foreach (var b in browsers) b.Dispose();
    }

    private static HttpClient Browser(ServeProcess instance) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(instance.Address), Timeout = TimeSpan.FromSeconds(60) };

    private static async Task<HttpResponseMessage> SignIn(HttpClient browser, string password) =>
        await SignIn(browser, StaffSession.TokenOf(await browser.GetStringAsync("/staff/sign-in"), "/staff/sign-in"), password);

    private static Task<HttpResponseMessage> SignIn(HttpClient browser, string token, string password) =>
        browser.PostAsync("/staff/sign-in", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("email", "pat@example.org"), new("password", password)]));
}
