using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Upheld.Publishing;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Web.Staff;
using Upheld.Storage;
using Upheld.Tests.Letters;
using Upheld.Tests.Storage;
using Upheld.Tests.Web;
using Upheld.Web;

namespace Upheld.Tests.Reliability;

/// <summary>Several instances of the site over one database: the same key ring, the same pages.</summary>
public sealed class SharedInstancesTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_payload_protected_by_one_instance_is_read_by_another_over_the_same_database(DatabaseProvider provider)
    {
        using var store = TestDatabase.Create(provider);
        await using var first = await StartInMemory(store.Database);
        await using var second = await StartInMemory(store.Database);

        var sealedByFirst = Protector(first).Protect("signed in as Ms Beasley");
        var sealedBySecond = Protector(second).Protect("signed in as Mr Robinson");

        Assert.Equal("signed in as Ms Beasley", Protector(second).Unprotect(sealedByFirst));
        Assert.Equal("signed in as Mr Robinson", Protector(first).Unprotect(sealedBySecond));
        using var connection = store.Database.Connect();
        var keys = connection.Query<string>("SELECT xml FROM data_protection_keys").ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith("<key id=", k));
    }

    [SkippableFact]
    public async Task A_payload_from_another_database_is_not_read()
    {
        using var one = TestDatabase.Sqlite();
        using var other = TestDatabase.Sqlite();
        await using var first = await StartInMemory(one.Database);
        await using var stranger = await StartInMemory(other.Database);

        var sealedByFirst = Protector(first).Protect("signed in");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(stranger).Unprotect(sealedByFirst));
    }

    [SkippableFact]
    public async Task Two_serve_processes_over_one_PostgreSQL_database_serve_the_same_pages()
    {
        using var store = TestDatabase.Postgres();
        using (var folder = Letters2020Folder.Create())
        {
            var result = new Importer(store.Database).Import(folder.Path);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        }
        Publication.Set(store.Database, new FinancialYear(2019), SiteHost.PublishedAt);
        var starting = new[] { ServeProcess.StartAsync(store.Database.ConnectionString), ServeProcess.StartAsync(store.Database.ConnectionString) };
        using var first = await starting[0];
        using var second = await starting[1];

        foreach (var path in new[] { "/", "/councils/E10000034/worcestershire/2019-20", "/api/v1/statistics?year=2019-20", "/years/2019-20/statistics.csv", "/decisions?q=education" })
        {
            var a = await first.Client.GetAsync(path);
            var b = await second.Client.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode);
            Assert.Equal(await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
            Assert.Equal(a.Headers.ETag, b.Headers.ETag);
        }
        var html = await (await first.Client.GetAsync("/councils/E10000034/worcestershire/2019-20")).Content.ReadAsStringAsync();
        Assert.Contains("Worcestershire", html);
    }

    [SkippableFact]
    public async Task Signing_in_on_one_serve_process_is_honoured_by_another_over_the_same_PostgreSQL_database()
    {
        using var store = TestDatabase.Postgres();
        using (var connection = store.Database.Connect())
            StaffUsers.Add(connection, new StaffUser("pat@example.org", "Pat", StaffRole.Publisher, null,
                StaffPasswords.Hash(Upheld.Tests.Web.Staff.StaffSession.Password), 0, null, StaffUsers.NewStamp()), DateTimeOffset.UtcNow);
        var starting = new[] { ServeProcess.StartAsync(store.Database.ConnectionString), ServeProcess.StartAsync(store.Database.ConnectionString) };
        using var first = await starting[0];
        using var second = await starting[1];
        // One browser: the same cookie jar for both, as instances behind one proxy share a host name (cookies ignore ports).
        var cookies = new System.Net.CookieContainer();
        HttpClient Browser(ServeProcess instance) => new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(instance.Address) };
        using var toFirst = Browser(first);
        using var toSecond = Browser(second);

        var signInPage = await toFirst.GetStringAsync("/staff/sign-in");
        var signedIn = await toFirst.PostAsync("/staff/sign-in", new FormUrlEncodedContent([
            new("__RequestVerificationToken", Upheld.Tests.Web.Staff.StaffSession.TokenOf(signInPage, "/staff/sign-in")),
            new("email", "pat@example.org"), new("password", Upheld.Tests.Web.Staff.StaffSession.Password)]));
        var onSecond = await toSecond.GetAsync("/staff/audit");
        var publicationPage = await (await toSecond.GetAsync("/staff/publication")).Content.ReadAsStringAsync();
        var copy = cookies.GetCookieHeader(new Uri(second.Address + "/staff/audit"));
        // A form token made by the second instance is accepted by the first: the anti-forgery keys are shared too.
        var signedOut = await toFirst.PostAsync("/staff/sign-out", new FormUrlEncodedContent([
            new("__RequestVerificationToken", Upheld.Tests.Web.Staff.StaffSession.TokenOf(publicationPage, "/staff/sign-out"))]));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("Audit log", await onSecond.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/staff/sign-in", signedOut.Headers.Location!.OriginalString);
        // Signing out at the first process ends the session at the second too, even for a copy of the cookie kept from before.
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/staff/audit") { Headers = { { "Cookie", copy } } };
        var replayed = await second.Client.SendAsync(replay);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/staff/sign-in", replayed.Headers.Location!.PathAndQuery);
    }

    private static IDataProtector Protector(WebApplication site) =>
        site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Upheld.Tests.shared-instances");

    private static async Task<WebApplication> StartInMemory(Database database)
    {
        var site = Site.Build(database, configure: builder => builder.WebHost.UseTestServer());
        await site.StartAsync();
        return site;
    }
}
