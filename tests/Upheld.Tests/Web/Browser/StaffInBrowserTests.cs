using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Web.Browser;

/// <summary>The site with nothing yet published, for the staff area's browser tests, on the engine a subclass names.</summary>
public abstract class UnpublishedBrowserSession(DatabaseProvider provider) : BrowserSession
{
    protected override SiteHost CreateSite() => new(publish: false, live: true, provider: provider);
}

public sealed class SqliteUnpublishedBrowserSession() : UnpublishedBrowserSession(DatabaseProvider.Sqlite);

public sealed class PostgresUnpublishedBrowserSession() : UnpublishedBrowserSession(DatabaseProvider.PostgreSql);

/// <summary>The annual cycle in a real browser without JavaScript: sign in, record, write commentary, approve, schedule; the public page changes only when the time comes.</summary>
public abstract class StaffInBrowserTests(UnpublishedBrowserSession session)
{
    private static async Task AssertAccessible(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, $"staff-{name}.png"), FullPage = true });
        Assert.True(result.Violations.Length == 0,
            $"{name}: " + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")));
    }

    [SkippableFact]
    public async Task A_publisher_records_a_decision_writes_commentary_approves_and_schedules_and_the_public_page_waits_for_the_time()
    {
        // Script on, only so that axe can run: the staff pages load no script of their own.
        var page = await session.OpenAsync("/staff/letters/E06000017/2019-20", javaScript: true);
        StaffSession.AddAccount(session.Site, "pat@example.org", StaffRole.Publisher, name: "Pat Publisher");
        var site = session.Site;

        // Signing in returns to the page first asked for.
        Assert.Contains("/staff/sign-in", page.Url);
        await AssertAccessible(page, "sign-in");
        await page.GetByLabel("E-mail address").FillAsync("pat@example.org");
        await page.GetByLabel("Password").FillAsync(StaffSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith("/staff/letters/E06000017/2019-20", page.Url);

        // A decision with a mistake is refused beside its field, then recorded.
        await page.GotoAsync(site.Address + "/staff/record/decision");
        await page.GetByLabel("Case reference").FillAsync("19 004 321");
        await page.GetByLabel("Council code").FillAsync("E06000017");
        await page.GetByLabel("Date decided").FillAsync("1 December 2019");
        await page.GetByLabel("Outcome").SelectOptionAsync("upheld");
        await page.GetByLabel("Decision statement (optional)").FillAsync("The council lost the planning file and agreed to apologise.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("is not a date written YYYY-MM-DD", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AssertAccessible(page, "record-decision-with-errors");
        await page.GetByLabel("Date decided").FillAsync("2019-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Contains("The record is saved", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        // Commentary, then approval.
        await page.GotoAsync(site.Address + "/staff/letters/E06000017/2019-20");
        await page.GetByLabel("Commentary paragraphs").FillAsync("We welcome the council's new complaints procedure.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the commentary" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve this letter" }).ClickAsync();
        Assert.Contains("Approved", await page.Locator("main").InnerTextAsync());
        await AssertAccessible(page, "letter-review");

        // Publication at a time still to come, announced on the release calendar, then moved: the move needs a reason.
        await page.GotoAsync(site.Address + "/staff/publication");
        await page.GetByLabel("Year").FillAsync("2019-20");
        await page.GetByLabel("Date (UTC)").FillAsync("2020-08-02");
        await page.GetByLabel("Time (UTC, 24-hour)").FillAsync("09:30");
        await page.GetByLabel("Announce the date on the public release calendar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the publication time" }).ClickAsync();
        await page.GetByLabel("Year").FillAsync("2019-20");
        await page.GetByLabel("Date (UTC)").FillAsync("2020-08-03");
        await page.GetByLabel("Time (UTC, 24-hour)").FillAsync("09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the publication time" }).ClickAsync();
        Assert.Contains("give the reason for moving its date", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AssertAccessible(page, "publication-reason-missing");
        await page.GetByLabel("Reason for moving or cancelling an announced date").FillAsync("A council asked for a day more to check its letter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the publication time" }).ClickAsync();
        Assert.Contains("Scheduled", await page.Locator("table").InnerTextAsync());
        Assert.Contains("Announced for 3 August 2020, 10:30am (UK time)", await page.Locator("table").InnerTextAsync());
        await AssertAccessible(page, "publication");

        await page.GotoAsync(site.Address + "/staff/audit");
        await AssertAccessible(page, "audit-log");
        Assert.Contains("approve letter", await page.Locator("table").InnerTextAsync());

        var visitor = await session.OpenAsync("/councils/E06000017/rutland/2019-20");
        Assert.Equal("Page not found", await visitor.Locator("h1").InnerTextAsync());

        site.Clock.Now = new DateTimeOffset(2020, 8, 3, 9, 30, 0, TimeSpan.Zero);
        await visitor.ReloadAsync();
        Assert.StartsWith("Rutland", await visitor.Locator("h1").InnerTextAsync());
        Assert.Contains("19 004 321", await visitor.Locator("main").InnerTextAsync());
        await visitor.GotoAsync(site.Address + "/councils/E06000017/letters/2019-20.html");
        Assert.Contains("We welcome the council's new complaints procedure.", await visitor.Locator("body").InnerTextAsync());
    }
}

public sealed class SqliteStaffInBrowserTests(SqliteUnpublishedBrowserSession session)
    : StaffInBrowserTests(session), IClassFixture<SqliteUnpublishedBrowserSession>;

public sealed class PostgresStaffInBrowserTests(PostgresUnpublishedBrowserSession session)
    : StaffInBrowserTests(session), IClassFixture<PostgresUnpublishedBrowserSession>;
