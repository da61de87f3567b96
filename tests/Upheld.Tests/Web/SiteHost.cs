using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Upheld.Publishing;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Web;

namespace Upheld.Tests.Web;

/// <summary>A clock the test sets by hand.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The public site in memory over the five 2020 letters' cases, with 2019-20 published on 29 July 2020, on SQLite unless told.</summary>
public sealed class SiteHost : IAsyncDisposable
{
    public static readonly DateTimeOffset PublishedAt = new(2020, 7, 29, 8, 30, 0, TimeSpan.Zero);

    private readonly TestDatabase? _store;
    private readonly WebApplication _app;

    /// <param name="live">Listen on a real loopback port, for a browser, instead of in memory.</param>
    /// <param name="settings">Configuration the site reads, as environment variables give it (such as UPHELD_SMTP).</param>
    /// <param name="provider">The engine of the site's fresh database; PostgreSQL skips the test when no server is set up.</param>
    /// <param name="then">More that a test class writes before the site starts, named by its key: a template is made of it
    /// once per run (see <see cref="TestDatabase.Prepared"/>), so it must write the same whenever it runs.</param>
    /// <param name="forExport">Built as <c>upheld export</c> builds it (see <see cref="Site.Build"/>).</param>
    public SiteHost(bool publish = true, bool live = false, IReadOnlyDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite,
        (string Key, Action<Database> Write)? then = null, bool forExport = false)
    {
        var key = (publish ? "site, 2019-20 published" : "site, nothing published") + (then is { } more ? ", then " + more.Key : "");
        _store = TestDatabase.Prepared(provider, key, database =>
        {
            using (var folder = new ImportFolder().AsCases())
            {
                var result = new Importer(database).Import(folder.Path);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Problems.Lines()));
            }
            if (publish) Publication.Set(database, new FinancialYear(2019), PublishedAt);
            then?.Write(database);
        });
        Database = _store.Database;
        (_app, Client) = Start(Database, Clock, live, settings, forExport);
    }

    /// <summary>The site over a database the caller owns and keeps, such as the shared demonstration database, at <paramref name="now"/>.</summary>
    public SiteHost(Database database, DateTimeOffset now, bool live = false, bool forExport = false)
    {
        Database = database;
        Clock.Now = now;
        (_app, Client) = Start(Database, Clock, live, null, forExport);
    }

    private static (WebApplication, HttpClient) Start(Database database, TestClock clock, bool live, IReadOnlyDictionary<string, string?>? settings, bool forExport)
    {
        var app = Site.Build(database, clock: clock, forExport: forExport, configure: builder =>
        {
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            if (live) builder.WebHost.UseUrls("http://127.0.0.1:0");
            else builder.WebHost.UseTestServer();
        });
        app.StartAsync().GetAwaiter().GetResult();
        return (app, live ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient());
    }

    public TestClock Clock { get; } = new(PublishedAt.AddDays(1));

    /// <summary>The in-memory server's own handler, for a client that wraps it (one that fails on purpose, say).</summary>
    public HttpMessageHandler Handler() => _app.GetTestServer().CreateHandler();

    /// <summary>A client that keeps cookies, as a browser does, over the in-memory server; <paramref name="https"/> makes requests arrive as HTTPS.</summary>
    public HttpClient CookieClient(bool https = false) =>
        new(new Staff.CookieJar { InnerHandler = _app.GetTestServer().CreateHandler() })
        {
            BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/"),
        };
    /// <summary>A client that reports redirects rather than following them, as the test server's client does.</summary>
    public HttpClient Client { get; }
    public Database Database { get; }
    /// <summary>The site's services, such as the endpoints it maps.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Where a live site listens, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Address => Client.BaseAddress!.ToString().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _store?.Dispose();
    }
}
