using System.Net;
using Dapper;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Web.Staff;

namespace Upheld.Tests.Web.Staff;

/// <summary>Correcting a recommendation's words in place from the staff area: chosen from its case, checked as an import, logged before and after.</summary>
public abstract class RecommendationEditTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Case = "E06000017-001", Review = "Review how repairs are logged.", Train = "Train staff on the repairs policy.";
    private static readonly FinancialYear Year = new(2019);

    private void AddRecommendations()
    {
        // A public report on the case puts its recommendations in Rutland's letter, in the order they were imported.
        using var folder = new ImportFolder()
            .With("public_reports.csv", "case_ref,authority_code,issued_date,title,summary", $"{Case},E06000017,2019-06-01,Repairs,The council delayed repairs.")
            .With("recommendations.csv", "case_ref,authority_code,kind,remedy_category,text,amount_gbp,due_date",
                $"{Case},E06000017,personal,,Apologise to Mr B.,150,",
                $"{Case},E06000017,service_improvement,,{Review},,",
                $"{Case},E06000017,service_improvement,,{Train},,");
        var result = new Importer(Site.Database).Import(folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }

    private static Dictionary<string, string> Correction(string text, string dueDate = "") => new()
    {
        ["original_case_ref"] = Case, ["original_kind"] = "service_improvement", ["original_hash"] = RecommendationKey.Hash(Review),
        ["case_ref"] = Case, ["authority_code"] = "E06000017", ["kind"] = "service_improvement", ["remedy_category"] = "",
        ["text"] = text, ["amount_gbp"] = "", ["due_date"] = dueDate,
    };

    private IReadOnlyList<string> Texts()
    {
        using var connection = Site.Database.Connect();
        return connection.Query<string>("SELECT text FROM recommendations WHERE case_ref = @Case ORDER BY seq", new { Case }).ToList();
    }

    private (IReadOnlyDictionary<string, string> Figures, IReadOnlyList<string> Paragraphs) FiguresAndLetter()
    {
        using var connection = Site.Database.Connect();
        var letter = YearLetters.Compose(connection, Year, EditionCatalog.Load(), "E06000017").Single().Letter;
        return (PublishedSnapshots.CurrentRecords(connection, Year), letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Text).ToList());
    }

    [SkippableFact]
    public async Task New_words_correct_the_chosen_recommendation_in_place_and_the_audit_log_keeps_before_and_after()
    {
        AddRecommendations();
        var (figures, paragraphs) = FiguresAndLetter();
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "sam@example.org");
        var edit = RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", Review));

        var (_, list) = await session.Get($"/staff/record/recommendation?case_ref={Case}");
        var (status, form) = await session.Get(edit);
        var saved = await session.PostForm(edit, RecommendationEditPages.Path, Correction("Review how repairs are logged and chased."));

        Assert.Contains($"<a class=\"govuk-link\" href=\"{edit.Replace("&", "&amp;")}\">Correct: service_improvement, {Review}</a>", list);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($">{Review}</textarea>", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", "Review how repairs are logged and chased."), saved: true),
            saved.Headers.Location!.OriginalString);
        Assert.Equal(["Apologise to Mr B.", "Review how repairs are logged and chased.", Train], Texts());
        var (figuresAfter, paragraphsAfter) = FiguresAndLetter();
        Assert.Equal(figures, figuresAfter);
        Assert.Equal(paragraphs.Select(p => p.Replace(Review, "Review how repairs are logged and chased.", StringComparison.Ordinal)), paragraphsAfter);
        Assert.NotEqual(paragraphs, paragraphsAfter);
        using var connection = Site.Database.Connect();
        var entry = Assert.Single(AuditLog.Latest(connection));
        Assert.Equal(("Staff <sam@example.org>", "correct recommendation", $"recommendations {Case} service_improvement"), (entry.Who, entry.Action, entry.Entity));
        Assert.Equal($$"""{"case_ref":"{{Case}}","authority_code":"E06000017","kind":"service_improvement","remedy_category":null,"text":"{{Review}}","amount_pence":null,"due_date":null}""", entry.Before);
        Assert.Equal($$"""{"case_ref":"{{Case}}","authority_code":"E06000017","kind":"service_improvement","remedy_category":null,"text":"Review how repairs are logged and chased.","amount_pence":null,"due_date":null}""", entry.After);
    }

    [SkippableFact]
    public async Task Words_of_another_recommendation_of_the_same_case_and_kind_are_refused_beside_the_field()
    {
        AddRecommendations();
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var edit = RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", Review));

        var refused = await session.PostForm(edit, RecommendationEditPages.Path, Correction(Train));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        const string message = $"Case {Case} already has another service_improvement recommendation with these words; change the words, or correct that recommendation instead";
        Assert.Contains($"<a href=\"#text\">{message}</a>", page);
        Assert.Contains($"<p id=\"text-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {message}</p>", page);
        Assert.Contains($"name=\"original_hash\" value=\"{RecommendationKey.Hash(Review)}\"", page); // still correcting the one chosen
        Assert.Equal(["Apologise to Mr B.", Review, Train], Texts());
        using var connection = Site.Database.Connect();
        Assert.Empty(AuditLog.Latest(connection));
    }

    [SkippableFact]
    public async Task A_bad_field_gets_the_import_s_message_and_nothing_changes()
    {
        AddRecommendations();
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var edit = RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", Review));

        var refused = await session.PostForm(edit, RecommendationEditPages.Path, Correction("Review the repairs log.", dueDate: "31/01/2020"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#due_date\">&#x27;31/01/2020&#x27; is not a date written YYYY-MM-DD</a>", await refused.Content.ReadAsStringAsync());
        Assert.Equal(["Apologise to Mr B.", Review, Train], Texts());
    }

    [SkippableFact]
    public async Task The_old_correcting_link_leads_to_the_in_place_correction_and_a_link_officer_cannot_reach_it()
    {
        AddRecommendations();
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var officer = await StaffSession.SignedIn(Site, StaffRole.LinkOfficer, "E06000017");

        var old = await staff.Client.GetAsync($"/staff/record/recommendation?case_ref={Case}&rec_kind=service_improvement&text={Uri.EscapeDataString(Review)}");
        var refused = await officer.Client.GetAsync(RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", Review)));

        Assert.Equal(RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", Review)), old.Headers.Location!.OriginalString);
        Assert.StartsWith("/staff/forbidden", refused.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteRecommendationEditTests() : RecommendationEditTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecommendationEditTests() : RecommendationEditTests(DatabaseProvider.PostgreSql);
