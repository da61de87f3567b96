using System.Net;
using Upheld.Accounts;
using Upheld.Letters;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>Letter review: commentary written in the staff area goes into the letter; only a publisher approves; only approved letters are public.</summary>
public abstract class LetterReviewTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Letter = "/staff/letters/E06000017/2019-20";

    [SkippableFact]
    public async Task The_letters_page_lists_every_council_of_the_year_with_its_state()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var (status, page) = await session.Get("/staff/letters?year=2019-20");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 of 343 letters approved", page);
        Assert.Contains($"<a class=\"govuk-link\" href=\"{Letter}\">Rutland</a>", page);
    }

    [SkippableFact]
    public async Task Commentary_written_on_the_page_appears_in_the_letter_and_the_audit_log()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var saved = await session.PostForm(Letter, $"{Letter}/commentary", new()
        {
            ["commentary"] = "We thank the council for its prompt replies.\r\n\r\nWe look forward to\r\nworking with you.",
        });
        var (_, review) = await session.Get(Letter);
        var (_, preview) = await session.Get($"{Letter}/preview.html");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("We thank the council for its prompt replies.", preview);
        Assert.Contains("We look forward to working with you.", preview);
        Assert.Contains("We thank the council for its prompt replies.&#xA;&#xA;We look forward to working with you.</textarea>", review);
        using var connection = Site.Database.Connect();
        var entry = Assert.Single(AuditLog.Latest(connection));
        Assert.Equal("edit commentary", entry.Action);
        Assert.Equal("letter E06000017 2019-20", entry.Entity);
        Assert.Equal("[]", entry.Before);
        Assert.Equal("""["We thank the council for its prompt replies.","We look forward to working with you."]""", entry.After);
    }

    [SkippableFact]
    public async Task A_publisher_approves_a_letter_and_only_then_is_it_public()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher, email: "pat@example.org");
        var before = await Site.Client.GetAsync("/councils/E06000017/letters/2019-20.html");

        var approved = await publisher.PostForm(Letter, $"{Letter}/approve", []);
        var after = await Site.Client.GetAsync("/councils/E06000017/letters/2019-20.html");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal($"{Letter}?saved=true", approved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var connection = Site.Database.Connect();
        var state = YearLetters.Compose(connection, new FinancialYear(2019), EditionCatalog.Load(), "E06000017").Single().Approval;
        Assert.Equal(ApprovalState.Approved, state);
        var entry = AuditLog.Latest(connection)[0];
        Assert.Equal("approve letter", entry.Action);
        Assert.Equal("Publisher <pat@example.org>", entry.Who);
    }

    [SkippableFact]
    public async Task Approving_a_letter_whose_words_changed_after_the_publisher_opened_it_is_refused_and_approves_nothing()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher, email: "pat@example.org");
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var (_, opened) = await publisher.Get(Letter);
        await staff.PostForm(Letter, $"{Letter}/commentary", new() { ["commentary"] = "Words the publisher has not read." });

        var refused = await publisher.PostFrom(opened, $"{Letter}/approve", []);
        var approvedAfterReading = await publisher.PostForm(Letter, $"{Letter}/approve", []);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("The letter has changed since you opened it", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, approvedAfterReading.StatusCode);
        using var connection = Site.Database.Connect();
        var letter = YearLetters.Compose(connection, new FinancialYear(2019), EditionCatalog.Load(), "E06000017").Single();
        Assert.Equal(ApprovalState.Approved, letter.Approval);
        Assert.Single(AuditLog.Latest(connection), e => e.Action == "approve letter");
    }

    [SkippableFact]
    public async Task An_approval_naming_no_hash_is_refused()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher);

        var refused = await publisher.PostForm(Letter, $"{Letter}/approve", new() { ["hash"] = "" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var connection = Site.Database.Connect();
        Assert.Empty(LetterReview.Approvals(connection, new FinancialYear(2019)));
    }

    [SkippableFact]
    public async Task A_staff_member_s_approval_is_refused_with_the_token_of_their_own_page()
    {
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var (_, page) = await staff.Get(Letter);
        Assert.DoesNotContain($"action=\"{Letter}/approve\"", page);
        var token = StaffSession.TokenOf(page, $"{Letter}/commentary");

        var refused = await staff.Client.PostAsync($"{Letter}/approve", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/forbidden", refused.Headers.Location!.PathAndQuery);
        using var connection = Site.Database.Connect();
        Assert.Empty(LetterReview.Approvals(connection, new FinancialYear(2019)));
    }

    [SkippableFact]
    public async Task Commentary_after_approval_and_publication_marks_the_letter_changed_but_the_public_keeps_the_letter_as_published()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher);
        await publisher.PostForm(Letter, $"{Letter}/approve", []);
        Assert.Equal(HttpStatusCode.OK, (await Site.Client.GetAsync("/councils/E06000017/letters/2019-20.html")).StatusCode);

        await publisher.PostForm(Letter, $"{Letter}/commentary", new() { ["commentary"] = "A late thought." });
        var (_, review) = await publisher.Get(Letter);

        var published = await Site.Client.GetAsync("/councils/E06000017/letters/2019-20.html");

        Assert.Contains("Changed since approval", review);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.DoesNotContain("A late thought.", await published.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteLetterReviewTests() : LetterReviewTests(DatabaseProvider.Sqlite);

public sealed class PostgresLetterReviewTests() : LetterReviewTests(DatabaseProvider.PostgreSql);
