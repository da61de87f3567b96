using System.Net;
using Upheld.Accounts;
using Upheld.Tests.Demo;

namespace Upheld.Tests.Web.Staff;

/// <summary>
/// A year's service-area signals before publication, on the demonstration data seen on 1 July 2026 (2025-26 is published on
/// 15 July): staff see every council's, strongest first, and the view is logged; a link officer sees their own council's alone;
/// no public route shows them. Lancashire's planted rise in corporate services (docs/operations.md, "Planted rises") is one.
/// </summary>
[Collection(DemoDatabase.Collection)]
public sealed class SignalsStaffTests(DemoDatabase demo) : IAsyncLifetime
{
    private const string Words = "Upheld complaints about Corporate and Other Services rose from about 3 a year to 20 in 2025-26";
    private SiteHost _site = null!;

    public Task InitializeAsync()
    {
        _site = new SiteHost(demo.Database, new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [SkippableFact]
    public async Task Staff_see_the_unpublished_years_signals_strongest_first_a_link_officer_only_their_own_and_the_public_nothing()
    {
        var staff = await StaffSession.SignedIn(_site, StaffRole.Staff, email: "signals-staff@example.org");
        var page = await staff.Get("/staff/signals?year=2025-26");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This year is not yet published", page.Body);
        Assert.Contains(Words, page.Body);
        // Strongest first: Lancashire's q (0.00073) before Oldham's highways (0.0016), Tower Hamlets' planning between them (same q, larger p).
        Assert.True(page.Body.IndexOf(">Lancashire</a>", StringComparison.Ordinal) < page.Body.IndexOf(">Oldham</a>", StringComparison.Ordinal));
        Assert.Contains("<a class=\"govuk-link\" href=\"/staff/signals\">Early warning</a>", (await staff.Get("/staff")).Body);
        using (var connection = demo.Database.Connect())
            Assert.Contains(AccessLog.Latest(connection), e => e.What == "service-area signals" && e.Year == new FinancialYear(2025) && e.Who.Contains("signals-staff@example.org"));

        // The letter review offers the early-warning paragraph, off until ticked (the 2026 edition writes 2025-26's letters).
        var review = (await staff.Get("/staff/letters/E10000017/2025-26")).Body;
        Assert.Contains("type=\"checkbox\" value=\"service_area_signals\" />", review);
        Assert.Contains("Early warning: service areas worth a closer look (off unless switched on)", review);
        Assert.DoesNotContain("Our early warning compares", review);

        var officer = await StaffSession.SignedIn(_site, StaffRole.LinkOfficer, "E10000017", email: "signals-officer@lancashire.example");
        var own = await officer.Get("/staff/councils/E10000017/2025-26");
        Assert.Contains(Words, own.Body);
        Assert.Contains("as the data stands; the year is not yet published", own.Body);
        Assert.DoesNotContain("Oldham", own.Body);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Get("/staff/councils/E09000030/2025-26")).Status);
        var list = await officer.Get("/staff/signals?year=2025-26");
        Assert.NotEqual(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain("Corporate and Other Services rose", list.Body);

        foreach (var route in new[] { "/councils/E10000017/lancashire/2025-26", "/councils/E10000017/lancashire/2025-26/signals.csv", "/api/v1/years/2025-26/signals.json" })
            Assert.Equal(HttpStatusCode.NotFound, (await _site.Client.GetAsync(route)).StatusCode);
        foreach (var route in new[] { "/councils/E10000017/lancashire", "/api/v1/authorities/E10000017/signals", "/api/v1/years/2024-25/signals.json" })
        {
            var body = await _site.Client.GetStringAsync(route);
            Assert.DoesNotContain("2025-26", body);
            Assert.DoesNotContain("Corporate and Other Services rose", body);
        }
    }
}
