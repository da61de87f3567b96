using System.Net;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web;
using Upheld.Tests.Web.Staff;
using Upheld.Web.Staff;

namespace Upheld.Tests.Import;

/// <summary>
/// Correcting a recommendation's words in place (<see cref="CorrectRecommendation"/>) through its only front end,
/// <c>/staff/record/recommendation/edit</c>: the row, the audit entry before and after, and the published year left as first published.
/// </summary>
/// <remarks>
/// The command line has no counterpart by design: an import finds a recommendation by its words (part of its key), so new
/// words add a new recommendation instead of correcting the old one. So this tests the one front end on both engines.
/// </remarks>
public abstract class CorrectRecommendationTests(DatabaseProvider provider)
{
    private const string Case = "E06000017-001", Review = "Review how repairs are logged.", Corrected = "Review how repairs are logged and chased.";
    private static readonly FinancialYear Year = new(2019);

    [SkippableFact]
    public async Task The_staff_area_corrects_a_recommendation_in_place_and_the_public_letter_keeps_its_words()
    {
        await using var site = new SiteHost(provider: provider);
        // A public report puts the case's recommendations in Rutland's letter; approving it after publication adds the
        // letter to the public year's snapshot as first published then.
        using (var folder = new ImportFolder()
            .With("public_reports.csv", "case_ref,authority_code,issued_date,title,summary", $"{Case},E06000017,2019-06-01,Repairs,The council delayed repairs.")
            .With("recommendations.csv", "case_ref,authority_code,kind,remedy_category,text,amount_gbp,due_date",
                $"{Case},E06000017,personal,,Apologise to Mr B.,150,", $"{Case},E06000017,service_improvement,,{Review},,"))
            Assert.True(ImportData.Folder(site.Database, folder.Path, false, new Actor("setup"), site.Clock).Succeeded);
        string hash;
        using (var connection = site.Database.Connect())
            hash = YearLetters.Compose(connection, Year, EditionCatalog.Load(), "E06000017").Single().ContentHash;
        Assert.True(ApproveLetter.Run(site.Database, "E06000017", Year, hash, "Pat", EditionCatalog.Load(), new Actor("setup"), site.Clock).Approved);
        var published = FrontEnds.Read(site.Database, FrontEnds.Snapshot(2019));
        var staff = await StaffSession.SignedIn(site, StaffRole.Staff);
        var edit = RecommendationEditPages.Address(RecommendationKey.Of(Case, "service_improvement", Review));

        var saved = await staff.PostForm(edit, RecommendationEditPages.Path, new()
        {
            ["original_case_ref"] = Case, ["original_kind"] = "service_improvement", ["original_hash"] = RecommendationKey.Hash(Review),
            ["case_ref"] = Case, ["authority_code"] = "E06000017", ["kind"] = "service_improvement", ["remedy_category"] = "",
            ["text"] = Corrected, ["amount_gbp"] = "", ["due_date"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(
            [$"{Case} | E06000017 | personal | Apologise to Mr B. | 15000", $"{Case} | E06000017 | service_improvement | {Corrected} | "],
            FrontEnds.Read(site.Database, $"SELECT case_ref, authority_code, kind, text, amount_pence FROM recommendations WHERE case_ref = '{Case}'"));
        Assert.Equal(
            [$$"""correct recommendation | recommendations {{Case}} service_improvement | {"case_ref":"{{Case}}","authority_code":"E06000017","kind":"service_improvement","remedy_category":null,"text":"{{Review}}","amount_pence":null,"due_date":null} | {"case_ref":"{{Case}}","authority_code":"E06000017","kind":"service_improvement","remedy_category":null,"text":"{{Corrected}}","amount_pence":null,"due_date":null}"""],
            FrontEnds.Read(site.Database, FrontEnds.LatestAudit));
        // Recommendations move no figure, so the public year records no revision (the revisions hold figures only),
        // and the letter published keeps the words the public first read.
        var after = FrontEnds.Read(site.Database, FrontEnds.Snapshot(2019));
        Assert.Contains(after, r => r.StartsWith("l | E06000017", StringComparison.Ordinal) && r.Contains(Review, StringComparison.Ordinal) && !r.Contains(Corrected, StringComparison.Ordinal));
        Assert.DoesNotContain(after, r => r.StartsWith("revised ", StringComparison.Ordinal));
        Assert.Equal(published, after);
    }
}

public sealed class SqliteCorrectRecommendationTests() : CorrectRecommendationTests(DatabaseProvider.Sqlite);

public sealed class PostgresCorrectRecommendationTests() : CorrectRecommendationTests(DatabaseProvider.PostgreSql);
