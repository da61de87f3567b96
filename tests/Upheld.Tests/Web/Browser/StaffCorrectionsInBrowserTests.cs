using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Upheld.Accounts;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.Web.Browser;

/// <summary>The site with nothing published, an SMTP server set (never reached: no letter is approved) and three recommendations on a Rutland case.</summary>
public sealed class MailingBrowserSession : BrowserSession
{
    protected override SiteHost CreateSite()
    {
        var site = new SiteHost(publish: false, live: true, settings: new Dictionary<string, string?> { ["UPHELD_SMTP"] = "127.0.0.1:1" });
        using var folder = new Upheld.Tests.Import.ImportFolder().With("recommendations.csv", "case_ref,authority_code,kind,remedy_category,text,amount_gbp,due_date",
            "E06000017-001,E06000017,personal,,Apologise to Mr B.,150,",
            "E06000017-001,E06000017,service_improvement,,Review how repairs are logged.,,",
            "E06000017-001,E06000017,service_improvement,,Train staff on the repairs policy.,,");
        if (!new Upheld.Import.Importer(site.Database, site.Clock).Import(folder.Path).Succeeded) throw new InvalidOperationException("the recommendations did not import");
        return site;
    }
}

/// <summary>Correcting a recommendation's words and sending letters, in a real browser without JavaScript, each page checked with axe.</summary>
public sealed class StaffCorrectionsInBrowserTests(MailingBrowserSession session) : IClassFixture<MailingBrowserSession>
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
    public async Task A_publisher_corrects_a_recommendation_s_words_and_sends_the_year_s_letters()
    {
        var page = await session.OpenAsync("/staff/record", javaScript: true);
        StaffSession.AddAccount(session.Site, "robin@example.org", StaffRole.Publisher, name: "Robin Publisher");
        await page.GetByLabel("E-mail address").FillAsync("robin@example.org");
        await page.GetByLabel("Password").FillAsync(StaffSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The case's recommendations, one chosen, its words changed to another's: refused beside the field, then corrected.
        await page.GetByLabel("Case reference of a recommendation to correct").FillAsync("E06000017-001");
        await page.Locator("form[action='/staff/record/recommendation'] button").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Correct: service_improvement, Review how repairs are logged." }).ClickAsync();
        await page.GetByLabel("What the council should do").FillAsync("Train staff on the repairs policy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        Assert.Contains("already has another service_improvement recommendation with these words", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await AssertAccessible(page, "correct-recommendation-with-errors");
        await page.GetByLabel("What the council should do").FillAsync("Review how repairs are logged and chased.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        Assert.Contains("The record is saved", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Being corrected: service_improvement, Review how repairs are logged and chased.", await page.Locator("main").InnerTextAsync());

        // Nothing is approved, so the send reaches no server and reports every letter skipped.
        await page.GotoAsync(session.Site.Address + "/staff/letters?year=2019-20");
        await AssertAccessible(page, "letters-with-send-button");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the approved letters of 2019-20" }).ClickAsync();
        Assert.Contains("2019-20: 0 sent, 0 already sent, 343 skipped", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await AssertAccessible(page, "letters-sent-report");
    }
}
