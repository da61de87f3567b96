using System.Net;
using Dapper;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>Recording forms: the import's rules and messages beside the field, anti-forgery, and every change in the audit log.</summary>
public abstract class RecordingTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static Dictionary<string, string> Decision(string outcome = "upheld", string date = "2019-10-01") => new()
    {
        ["mode"] = "add", ["case_ref"] = "19 000 777", ["authority_code"] = "E06000017", ["received_date"] = "2019-05-01",
        ["decision_date"] = date, ["category"] = "Housing", ["subcategory"] = "", ["outcome"] = outcome,
        ["remedied_by_authority"] = "false", ["summary"] = "The council delayed repairs; it agreed to apologise.",
        ["revision_reason"] = "A decision missed from the published figures", // 2019-20 is published: a change to it needs a reason
    };

    private long Stored(string sql) { using var c = Site.Database.Connect(); return c.ExecuteScalar<long>(sql); }

    [SkippableFact]
    public async Task A_recorded_decision_is_stored_and_counts_on_the_council_s_figures()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await session.PostForm("/staff/record/decision", "/staff/record/decision", Decision());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/record/decision?case_ref=19%20000%20777&saved=true", response.Headers.Location!.OriginalString);
        Assert.Equal(1, Stored("SELECT COUNT(*) FROM decisions WHERE case_ref = '19 000 777' AND authority_code = 'E06000017' AND year = 2019 AND outcome = 'upheld'"));
        // Rutland had 1 upheld of 1 investigated; now 2 of 2, shown on the public page at once.
        var (_, page, _) = await Get("/councils/E06000017/rutland/2019-20");
        Assert.Contains("19 000 777", page);
    }

    [SkippableFact]
    public async Task A_bad_decision_is_refused_with_the_import_s_reasons_beside_the_fields_and_nothing_is_stored()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var bad = Decision(outcome: "maybe", date: "2019-13-01");
        bad["remedied_by_authority"] = "true";

        var response = await session.PostForm("/staff/record/decision", "/staff/record/decision", bad);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#decision_date\">&#x27;2019-13-01&#x27; is not a date written YYYY-MM-DD</a>", page);
        Assert.Contains("<a href=\"#outcome\">Unknown outcome &#x27;maybe&#x27;", page);
        Assert.Contains("<p id=\"decision_date-error\" class=\"govuk-error-message\">", page);
        Assert.Contains("<p id=\"outcome-error\" class=\"govuk-error-message\">", page);
        Assert.Contains("value=\"19 000 777\"", page); // what was typed is kept
        Assert.Equal(0, Stored("SELECT COUNT(*) FROM decisions WHERE case_ref = '19 000 777'"));
        Assert.Equal(0, Stored("SELECT COUNT(*) FROM audit_log"));
    }

    [SkippableFact]
    public async Task A_case_reference_outside_the_pattern_is_refused_beside_the_field()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var bad = Decision();
        bad["case_ref"] = "RT/SLASH/001";

        var response = await session.PostForm("/staff/record/decision", "/staff/record/decision", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#case_ref\">&#x27;RT/SLASH/001&#x27; is not a case reference", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Stored("SELECT COUNT(*) FROM decisions WHERE case_ref = 'RT/SLASH/001'"));
    }

    [SkippableFact]
    public async Task An_amount_that_would_overflow_is_refused_beside_the_field_not_a_server_error()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await session.PostForm("/staff/record/recommendation", "/staff/record/recommendation", new()
        {
            ["mode"] = "add", ["case_ref"] = "E06000017-001", ["authority_code"] = "E06000017", ["kind"] = "personal", ["remedy_category"] = "",
            ["text"] = "pay a great deal", ["amount_gbp"] = "79228162514264337593543950335", ["due_date"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#amount_gbp\">&#x27;79228162514264337593543950335&#x27; is more than the largest amount, 10000000 pounds</a>",
            await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task A_compliance_outcome_for_a_case_of_another_council_is_refused_as_the_import_refuses_it()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await session.PostForm("/staff/record/compliance", "/staff/record/compliance", new()
        {
            ["mode"] = "add", ["case_ref"] = "E10000034-001", ["authority_code"] = "E06000017", ["recorded_date"] = "2019-12-01", ["outcome"] = "complied_on_time",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#authority_code\">Case E10000034-001 was decided for E10000034, not E06000017</a>", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Adding_over_a_stored_record_is_refused_and_correcting_it_is_allowed()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var change = new Dictionary<string, string>
        {
            ["mode"] = "add", ["case_ref"] = "E06000017-001", ["authority_code"] = "E06000017", ["recorded_date"] = "2019-11-20", ["outcome"] = "complied_late",
            ["revision_reason"] = "The council reported it complied late", ["revision_kind"] = "correction",
        };

        var added = await session.PostForm("/staff/record/compliance", "/staff/record/compliance", change);
        change["mode"] = "correct";
        var corrected = await session.PostForm("/staff/record/compliance?case_ref=E06000017-001", "/staff/record/compliance", change);

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Contains("to change it, correct the stored record", await added.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(1, Stored("SELECT COUNT(*) FROM compliance WHERE case_ref = 'E06000017-001' AND outcome = 'complied_late'"));
    }

    [SkippableFact]
    public async Task A_change_to_a_published_year_without_a_reason_is_refused_beside_the_reason_and_a_correction_with_one_is_a_version()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var decision = Decision();
        decision.Remove("revision_reason");

        var refused = await session.PostForm("/staff/record/decision", "/staff/record/decision", decision);
        decision["revision_reason"] = "Left out of the published figures";
        decision["revision_kind"] = "correction";
        var saved = await session.PostForm("/staff/record/decision", "/staff/record/decision", decision);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#revision_reason\">2019-20 is published: give the reason for changing its figures, and say whether it corrects an error</a>",
            await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, Stored("SELECT COUNT(*) FROM decisions WHERE case_ref = '19 000 777'"));
        Assert.Equal(1, Stored("SELECT COUNT(*) FROM year_versions WHERE year = 2019 AND version = 2 AND change = 'correction' AND reason = 'Left out of the published figures'"));
    }

    [SkippableFact]
    public async Task The_audit_log_records_who_changed_what_when_with_the_record_before_and_after()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "sam@example.org");
        var form = await session.Get("/staff/record/compliance?case_ref=E06000017-001");
        Assert.Contains("Correct a compliance outcome", form.Body);
        Assert.Contains("value=\"2019-11-20\"", form.Body);

        await session.PostForm("/staff/record/compliance?case_ref=E06000017-001", "/staff/record/compliance", new()
        {
            ["mode"] = "correct", ["case_ref"] = "E06000017-001", ["authority_code"] = "E06000017", ["recorded_date"] = "2019-11-20", ["outcome"] = "not_complied",
            ["revision_reason"] = "The council had not complied",
        });

        using var connection = Site.Database.Connect();
        var entry = Assert.Single(AuditLog.Latest(connection));
        Assert.Equal("Staff <sam@example.org>", entry.Who);
        Assert.Equal(Site.Clock.Now, entry.At);
        Assert.Equal("correct compliance", entry.Action);
        Assert.Equal("compliance E06000017-001", entry.Entity);
        Assert.Equal("""{"case_ref":"E06000017-001","authority_code":"E06000017","recorded_date":"2019-11-20","year":2019,"outcome":"complied_on_time"}""", entry.Before);
        Assert.Equal("""{"case_ref":"E06000017-001","authority_code":"E06000017","recorded_date":"2019-11-20","year":2019,"outcome":"not_complied"}""", entry.After);
        var (_, auditPage) = await session.Get("/staff/audit");
        Assert.Contains("correct compliance: compliance E06000017-001", auditPage);
        Assert.Contains("&quot;outcome&quot;:&quot;not_complied&quot;", auditPage);
    }

    [SkippableFact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_rejected_and_changes_nothing()
    {
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var response = await session.PostWithoutToken("/staff/record/decision", Decision());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form has expired", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Stored("SELECT COUNT(*) FROM decisions WHERE case_ref = '19 000 777'"));
    }

    [SkippableFact]
    public async Task A_token_from_another_person_s_form_is_rejected()
    {
        var other = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "other@example.org");
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff, email: "sam@example.org");
        var (_, page) = await other.Get("/staff/record/decision");
        var fields = Decision();
        fields["__RequestVerificationToken"] = StaffSession.TokenOf(page, "/staff/record/decision");

        var response = await session.Client.PostAsync("/staff/record/decision", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, Stored("SELECT COUNT(*) FROM decisions WHERE case_ref = '19 000 777'"));
    }

    [SkippableFact]
    public async Task A_link_officer_cannot_record()
    {
        var officer = await StaffSession.SignedIn(Site, StaffRole.LinkOfficer, "E06000017");

        var page = await officer.Client.GetAsync("/staff/record/decision");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/staff/forbidden", page.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteRecordingTests() : RecordingTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecordingTests() : RecordingTests(DatabaseProvider.PostgreSql);
