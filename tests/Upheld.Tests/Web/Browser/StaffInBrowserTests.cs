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

        // Publication at a time still to come.
        await page.GotoAsync(site.Address + "/staff/publication");
        await page.GetByLabel("Year").FillAsync("2019-20");
        await page.GetByLabel("Date (UTC)").FillAsync("2020-08-03");
        await page.GetByLabel("Time (UTC, 24-hour)").FillAsync("09:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the publication time" }).ClickAsync();
        Assert.Contains("Scheduled", await page.Locator("table").InnerTextAsync());
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

    /// <summary>Run on SQLite only (<see cref="SqliteStaffInBrowserTests"/>): the submission's storage is tested on both engines in SubmissionTests, and a browser is slow.</summary>
    protected async Task LinkOfficerSubmitsByKeyboardThenStaffReview()
    {
        var page = await session.OpenAsync("/staff", javaScript: true);
        var site = session.Site;
        var year = new FinancialYear(2020);
        Assert.True(Upheld.ComplaintHandling.SetSubmissionDeadline.Run(site.Database, year, "2021-06-30", "14", new Actor("setup"), site.Clock).Succeeded);
        StaffSession.AddAccount(site, "lee@rutland.example", StaffRole.LinkOfficer, "E06000017", name: "Lee Officer");
        StaffSession.AddAccount(site, "sam@example.org", StaffRole.Staff, name: "Sam Staff");
        async Task Type(string selector, string text)
        {
            await page.Locator(selector).FocusAsync();
            await page.Keyboard.PressAsync("Control+A");
            // As typed, in one input event rather than a round trip per key.
            await page.Keyboard.InsertTextAsync(text);
        }
        async Task Press(ILocator target, string key = "Enter")
        {
            await target.FocusAsync();
            await page.Keyboard.PressAsync(key);
        }
        // A key that sends a form or follows a link: wait for the page it leads to (a new document, without the old one's mark).
        async Task Go(ILocator? target = null)
        {
            if (target is not null) await target.FocusAsync();
            await page.EvaluateAsync("() => { window.upheldOldPage = true; }");
            await page.Keyboard.PressAsync("Enter");
            for (var wait = 0; wait < 200; wait++)
            {
                try
                {
                    if (!await page.EvaluateAsync<bool>("() => window.upheldOldPage === true")) break;
                }
                catch (PlaywrightException)
                {
                    // The old document went away while asked: the new one is coming.
                }
                await Task.Delay(50);
            }
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        // Keyboard only: type, Tab, Enter.
        await Type("#email", "lee@rutland.example");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.InsertTextAsync(StaffSession.Password);
        await Go();
        Assert.Contains("Not received", await page.Locator("main").InnerTextAsync());
        await AssertAccessible(page, "link-officer-home");
        await Go(page.GetByRole(AriaRole.Link, new() { Name = "Submit 2020-21" }));
        Assert.EndsWith("/staff/complaint-handling/2020-21/E06000017", page.Url);

        // 201 of 200 answered in time: refused beside the field, with the import's message.
        foreach (var (field, value) in new[] { ("stage1_received", "210"), ("stage1_responded", "200"), ("stage1_responded_in_time", "201"), ("stage1_upheld", "80"),
                     ("stage2_received", "30"), ("stage2_responded", "16"), ("stage2_responded_in_time", "12"), ("stage2_upheld", "5") })
            await Type($"#{field}", value);
        foreach (var id in Upheld.ComplaintHandling.CodeSections.Ids)
            await Press(page.Locator(id == "4" ? "#section_4_follows-no" : $"[id='section_{id}_follows']"), "Space");
        await Type("#section_4_action", "Appoint a second complaints officer");
        await Type("#section_4_target_date", "2022-03-31");
        await Type("#annual_report_url", "https://www.rutland.gov.uk/complaints-report");
        await Go(page.GetByRole(AriaRole.Button, new() { Name = "Send the submission" }));
        Assert.Equal("Stage 1, responded to in time: responded_in_time (201) is more than responded (200)",
            await page.Locator(".govuk-error-summary__list a").InnerTextAsync());
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await AssertAccessible(page, "complaint-handling-form-with-errors");
        // The summary's link leads to the field; what was typed is kept, the choices too.
        await Press(page.Locator(".govuk-error-summary__list a"));
        await page.WaitForURLAsync("**#stage1_responded_in_time");
        Assert.True(await page.Locator("#section_4_follows-no").IsCheckedAsync());
        await Type("#stage1_responded_in_time", "167");
        await Go(page.GetByRole(AriaRole.Button, new() { Name = "Send the submission" }));
        Assert.Contains("The submission is received", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Received", await page.Locator(".govuk-summary-list").InnerTextAsync());
        // The same page as checked with its errors: a screenshot to look at, without a second axe run over the long form.
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "staff-complaint-handling-form.png"), FullPage = true });

        var staff = await session.OpenAsync("/staff/complaint-handling/2020-21", javaScript: true);
        await staff.GetByLabel("E-mail address").FillAsync("sam@example.org");
        await staff.GetByLabel("Password").FillAsync(StaffSession.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Matches(@"Received by the deadline\s+1\s", await staff.Locator(".govuk-summary-list").InnerTextAsync());
        Assert.Contains("Rutland", await staff.Locator("table.upheld-submissions").InnerTextAsync());
        await AssertAccessible(staff, "complaint-handling-submissions");
    }
}

public sealed class SqliteStaffInBrowserTests(SqliteUnpublishedBrowserSession session)
    : StaffInBrowserTests(session), IClassFixture<SqliteUnpublishedBrowserSession>
{
    [SkippableFact]
    public Task A_link_officer_submits_complaint_handling_by_keyboard_after_an_error_and_staff_review_the_year() => LinkOfficerSubmitsByKeyboardThenStaffReview();
}

public sealed class PostgresStaffInBrowserTests(PostgresUnpublishedBrowserSession session)
    : StaffInBrowserTests(session), IClassFixture<PostgresUnpublishedBrowserSession>;
