using System.Net;
using Dapper;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>Commentary links that would leave the site (climbing out with "..", or "/\host" read by browsers as "//host") are refused where written.</summary>
public abstract class CommentaryLinksTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Letter = "/staff/letters/E06000017/2019-20";

    [SkippableTheory]
    [InlineData("/../api")]
    [InlineData("/../../data")]
    [InlineData("/\\host")]
    [InlineData("/%2e%2e/api")]
    public async Task A_commentary_link_that_leaves_the_site_is_refused_and_nothing_is_stored(string url)
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await session.PostForm(Letter, $"{Letter}/commentary", new() { ["commentary"] = $"See [one]({url}) for more." });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#commentary\">Paragraph 1 links to &#x27;", page);
        Assert.Contains("which is neither a web address (https://", page);
        using var connection = Site.Database.Connect();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM commentary WHERE authority_code = 'E06000017'"));
    }
}

public sealed class SqliteCommentaryLinksTests() : CommentaryLinksTests(DatabaseProvider.Sqlite);

public sealed class PostgresCommentaryLinksTests() : CommentaryLinksTests(DatabaseProvider.PostgreSql);
