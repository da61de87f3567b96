using System.Net;
using Upheld.Storage;

namespace Upheld.Tests.Web;

/// <summary>A fresh in-memory site for each test (see <see cref="SiteHost"/>), on SQLite unless told, and a way to fetch a page from it.</summary>
/// <param name="then">What every test of the class writes before it begins, made once per run into a template (see <see cref="SiteHost"/>).</param>
public abstract class SiteTestBase(DatabaseProvider provider, (string Key, Action<Database> Write)? then = null) : IAsyncLifetime
{
    protected SiteTestBase() : this(DatabaseProvider.Sqlite) { }

    protected SiteHost Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new SiteHost(provider: provider, then: then);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync(); // none when the test was skipped for want of a PostgreSQL server
    }

    protected async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Get(string path)
    {
        var response = await Site.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
