using System.Net;
using System.Text;
using Upheld.Web.Export;
using Upheld.Documents;

namespace Upheld.Tests.Web;

/// <summary>The static export writes only inside its folder, and letter links never point out of the site.</summary>
public sealed class ExportContainmentTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("upheld-export-parent-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    /// <summary>A site whose home page links out of the folder, answering every path as HttpClient sends it (it folds "/../api" to "/api").</summary>
    private sealed class Climbing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(request.RequestUri!.AbsolutePath == "/"
                    ? "<a href=\"/../api\">one</a> <a href=\"/../../data\">two</a> <a href=\"/%2e%2e/x\">three</a> <a href=\"/\\host\">four</a> <a href=\"/fine\">five</a>"
                    : "<p>page</p>", Encoding.UTF8, "text/html"),
            });
    }

    [Fact]
    public async Task Links_that_leave_the_folder_are_refused_and_nothing_is_written_outside_it()
    {
        var folder = Path.Combine(_parent, "site", "out");
        using var client = new HttpClient(new Climbing()) { BaseAddress = new Uri("http://site.invalid") };

        var result = await StaticExport.CrawlAsync(client, folder, parallel: 1);

        Assert.Equal(["/%2e%2e/x (leaves the site)", "/../../data (leaves the site)", "/../api (leaves the site)", "/\\host (leaves the site)"], result.BrokenLinks);
        Assert.True(File.Exists(Path.Combine(folder, "fine", "index.html")));
        var outside = Directory.EnumerateFiles(_parent, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.Empty(outside);
    }

    [Theory]
    [InlineData("/../api")]
    [InlineData("/\\host")]
    [InlineData("/%2e%2e/api")]
    [InlineData("/councils/./x")]
    [InlineData("//host")]
    public void A_letter_link_that_leaves_the_site_is_shown_as_text_not_followed(string url)
    {
        var html = InlineText.Html($"[one]({url})").Value;

        Assert.DoesNotContain("<a ", html);
    }

    [Theory]
    [InlineData("/councils/E06000017/rutland")]
    [InlineData("https://www.lgo.org.uk/")]
    public void A_letter_link_to_a_page_of_the_site_or_the_web_is_a_link(string url) =>
        Assert.Contains("<a href=", InlineText.Html($"[one]({url})").Value);
}
