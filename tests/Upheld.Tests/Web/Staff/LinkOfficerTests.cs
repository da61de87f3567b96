using System.Net;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>A council's link officer (Rutland) sees their own council's unpublished figures, letter and cases, logged, and nothing of any other council.</summary>
public abstract class LinkOfficerTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private async Task<StaffSession> RutlandBeforePublication()
    {
        Site.Clock.Now = SiteHost.PublishedAt.AddDays(-1);
        return await StaffSession.SignedIn(Site, StaffRole.LinkOfficer, "E06000017", email: "lo@rutland.example");
    }

    [SkippableFact]
    public async Task Signing_in_leads_a_link_officer_to_their_own_council_s_start_page()
    {
        Site.Clock.Now = SiteHost.PublishedAt.AddDays(-1);
        StaffSession.AddAccount(Site, "lo@rutland.example", StaffRole.LinkOfficer, "E06000017");
        var session = new StaffSession(Site);

        var signIn = await session.SignIn("lo@rutland.example", StaffSession.Password);
        var (status, home) = await session.Get("/staff");

        Assert.Equal("/staff", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1 class=\"govuk-heading-l\">Rutland</h1>", home);
        Assert.Contains("href=\"/staff/councils/E06000017\"", home);
    }

    [SkippableFact]
    public async Task Before_publication_the_officer_downloads_their_council_s_cases_and_every_view_is_logged()
    {
        var officer = await RutlandBeforePublication();

        var page = await officer.Get("/staff/councils/E06000017/2019-20");
        var letter = await officer.Get("/staff/councils/E06000017/2019-20/letter.html");
        var decided = await officer.Get("/staff/councils/E06000017/2019-20/decided.csv");
        var compliance = await officer.Get("/staff/councils/E06000017/2019-20/compliance.csv");
        var received = await officer.Get("/staff/councils/E06000017/2019-20/received.csv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("These figures are not yet published", page.Body);
        Assert.Contains("Upheld against expected, given its mix of services", page.Body); // the case-mix ratio, before publication, to its own officer
        Assert.Contains("Rutland", letter.Body);
        Assert.Equal(
            "case_ref,authority_code,received_date,decision_date,category,subcategory,outcome,remedied_by_authority,summary\r\n" +
            "E06000017-001,E06000017,2019-03-02,2019-04-10,Housing,,upheld,false,\"We found fault, and the council agreed to apologise.\"\r\n" +
            "E06000017-002,E06000017,,2020-03-31,Other,,closed_after_initial_enquiries,false,\r\n" +
            "E06000017-003,E06000017,,2020-03-31,Other,,referred_back,false,\r\n", decided.Body);
        Assert.Equal("case_ref,authority_code,recorded_date,outcome\r\nE06000017-001,E06000017,2019-11-20,complied_on_time\r\n", compliance.Body);
        Assert.Equal("case_ref,authority_code,received_date,category,subcategory\r\n", received.Body);
        using var connection = Site.Database.Connect();
        Assert.Equal(
            ["council: received.csv", "council: compliance.csv", "council: decided.csv", "council: letter preview", "council: statistics and letter state"],
            AccessLog.Latest(connection).Select(e => e.What));
        Assert.All(AccessLog.Latest(connection), e => Assert.Equal(("Council link officer E06000017 <lo@rutland.example>", "E06000017"), (e.Who, e.CouncilCode)));
    }

    public static readonly TheoryData<string> CouncilRoutes =
    [
        "/staff/councils/{C}", "/staff/councils/{C}/2019-20", "/staff/councils/{C}/2019-20/letter.html",
        "/staff/councils/{C}/2019-20/received.csv", "/staff/councils/{C}/2019-20/decided.csv", "/staff/councils/{C}/2019-20/compliance.csv",
    ];

    [SkippableTheory]
    [MemberData(nameof(CouncilRoutes))]
    public async Task Another_council_s_route_answers_as_a_council_that_does_not_exist(string route)
    {
        var officer = await RutlandBeforePublication();

        var other = await officer.Get(route.Replace("{C}", "E10000034"));
        var unknown = await officer.Get(route.Replace("{C}", "E99999999"));

        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal(WithoutFormToken(unknown.Body), WithoutFormToken(other.Body));
        Assert.DoesNotContain("Worcestershire", other.Body);
        using var connection = Site.Database.Connect();
        Assert.Empty(AccessLog.Latest(connection));
    }

    // Each page carries a fresh anti-forgery token for its sign-out form; everything else must be the same.
    private static string WithoutFormToken(string page) => System.Text.RegularExpressions.Regex.Replace(page, "value=\"CfDJ8[^\"]+\"", "value=\"TOKEN\"");

    public static readonly TheoryData<string, string> StaffOnlyRoutes = new()
    {
        { "GET", "/staff/letters" }, { "GET", "/staff/letters?year=2019-20" }, { "GET", "/staff/letters/E10000034/2019-20" },
        { "GET", "/staff/letters/E10000034/2019-20/preview.html" }, { "GET", "/staff/letters/E06000017/2019-20" },
        { "GET", "/staff/letters/E06000017/2019-20/preview.html" }, { "POST", "/staff/letters/E06000017/2019-20/commentary" },
        { "POST", "/staff/letters/E06000017/2019-20/switches" }, { "POST", "/staff/letters/E06000017/2019-20/approve" },
        { "GET", "/staff/record" }, { "GET", "/staff/record/decision?case_ref=E10000034-001" }, { "POST", "/staff/record/compliance" },
        { "GET", "/staff/import" }, { "POST", "/staff/import" }, { "GET", "/staff/publication" }, { "POST", "/staff/publication" },
        { "GET", "/staff/audit" }, { "GET", "/staff/access-log" }, { "GET", "/staff/quality" },
        { "GET", "/staff/signals" }, { "GET", "/staff/signals?year=2020-21" },
    };

    [SkippableTheory]
    [MemberData(nameof(StaffOnlyRoutes))]
    public async Task Staff_routes_are_forbidden_to_a_link_officer(string method, string route)
    {
        var officer = await RutlandBeforePublication();
        var (_, page) = await officer.Get("/staff/councils/E06000017");
        var token = StaffSession.TokenOf(page, "/staff/sign-out");

        var response = await officer.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = method == "POST" ? new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("commentary", "Leaked")]) : null,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery);
        using var connection = Site.Database.Connect();
        Assert.Empty(AccessLog.Latest(connection));
        Assert.Empty(AuditLog.Latest(connection));
    }

    [SkippableFact]
    public async Task The_council_chooser_sends_a_link_officer_to_their_own_council_whatever_is_asked()
    {
        var officer = await RutlandBeforePublication();

        var response = await officer.Client.GetAsync("/staff/councils?code=E10000034");

        Assert.Equal("/staff/councils/E06000017", response.Headers.Location!.OriginalString);
    }
}

public sealed class SqliteLinkOfficerTests() : LinkOfficerTests(DatabaseProvider.Sqlite);

public sealed class PostgresLinkOfficerTests() : LinkOfficerTests(DatabaseProvider.PostgreSql);
