using System.Net;

namespace Upheld.Tests.Web;

/// <summary>A fresh in-memory site for each test (see <see cref="SiteHost"/>), and a way to fetch a page from it.</summary>
public abstract class SiteTestBase : IAsyncLifetime
{
    protected SiteHost Site { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Site = new SiteHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();

    protected async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Get(string path)
    {
        var response = await Site.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
