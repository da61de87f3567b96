using System.Net;
using Upheld.Publishing;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Letters;
using Upheld.Tests.Web;

namespace Upheld.Tests.Reliability;

/// <summary>The site keeps serving across a PostgreSQL restart: a 503 page while the server is down, and no error after.</summary>
public sealed class PostgresRestartTests
{
    [SkippableFact]
    public async Task Restarting_PostgreSQL_while_the_site_serves_gives_errors_only_while_it_is_down()
    {
        using var postgres = PrivatePostgres.Create();
        var database = Database.PostgreSql(postgres.ConnectionString);
        database.Migrate();
        using (var folder = Letters2020Folder.Create()) Assert.True(new Importer(database).Import(folder.Path).Succeeded);
        Publication.Set(database, new FinancialYear(2019), SiteHost.PublishedAt);
        using var site = await ServeProcess.StartAsync(postgres.ConnectionString);
        var word = 0;
        // A new search each time, so the answer comes from the database, not from a cache.
        async Task<HttpStatusCode> Search() => (await site.Client.GetAsync($"/decisions?q=word{word++}")).StatusCode;

        var before = await Search();
        postgres.Stop();
        var whileDown = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++) whileDown.Add(await Search());
        var page = await site.Client.GetAsync($"/decisions?q=down");
        postgres.Start();
        var after = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++) after.Add(await Search());
        after.Add((await site.Client.GetAsync("/councils/E10000034/worcestershire/2019-20")).StatusCode);
        after.Add((await site.Client.GetAsync("/api/v1/authorities/E10000034/years/2019-20/decisions")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.All(whileDown, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Contains("Sorry, the service is unavailable", await page.Content.ReadAsStringAsync());
        Assert.All(after, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
