using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Upheld.Accounts;
using Upheld.ComplaintHandling;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>
/// Complaint-handling submissions in the staff area (docs/staff-guide.md): a link officer submits and corrects only their own
/// council's year and only until it is published; another council answers as one that does not exist; late is late; a query
/// reaches the link officer; the form's errors are the import's, beside each field, with nothing half-saved.
/// </summary>
public abstract partial class SubmissionTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Rutland = "E06000017", Worcestershire = "E10000034", Year = "2019-20";
    private static readonly FinancialYear Y = new(2019);
    private static readonly string Form = $"/staff/complaint-handling/{Year}/{Rutland}";

    /// <summary>A whole submission: 167 of 200 stage 1 responses in time, and section 4 not followed.</summary>
    private static Dictionary<string, string> Valid(string stage1InTime = "167")
    {
        var fields = new Dictionary<string, string>
        {
            ["stage1_received"] = "210", ["stage1_responded"] = "200", ["stage1_responded_in_time"] = stage1InTime, ["stage1_upheld"] = "80",
            ["stage2_received"] = "30", ["stage2_responded"] = "16", ["stage2_responded_in_time"] = "12", ["stage2_upheld"] = "5",
            ["annual_report_url"] = "https://www.rutland.gov.uk/complaints-report-2019-20",
            ["section_4_action"] = "Appoint a second complaints officer", ["section_4_target_date"] = "2021-03-31",
        };
        foreach (var id in CodeSections.Ids) fields[$"section_{id}_follows"] = id == "4" ? "no" : "yes";
        return fields;
    }

    /// <summary>Posts with the token of <paramref name="page"/>'s sign-out form, for a page that shows no form to <paramref name="action"/>.</summary>
    private static Task<HttpResponseMessage> PostAnyway(StaffSession session, string page, string action, Dictionary<string, string> fields) =>
        session.Client.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", StaffSession.TokenOf(page, "/staff/sign-out"))]));

    private async Task<StaffSession> Officer(string council = Rutland) =>
        await StaffSession.SignedIn(Site, StaffRole.LinkOfficer, council, email: $"lo@{council.ToLowerInvariant()}.example");

    private long Count(string sql)
    {
        using var connection = Site.Database.Connect();
        return connection.ExecuteScalar<long>(sql);
    }

    private IReadOnlyList<AuditEntry> Audit()
    {
        using var connection = Site.Database.Connect();
        return AuditLog.Latest(connection);
    }

    private SelfAssessment? Assessment(string code)
    {
        using var connection = Site.Database.Connect();
        return ComplaintHandlingQuery.ForYear(connection, Y).Single(c => c.Code == code).SelfAssessment;
    }

    [SkippableFact]
    public async Task A_link_officer_submits_and_corrects_their_council_s_year_until_it_is_published_then_only_staff_correct_it()
    {
        // Two hours before publication (a session lasts eight).
        Site.Clock.Now = SiteHost.PublishedAt.AddHours(-2);
        var officer = await Officer();

        var submitted = await officer.PostForm(Form, Form, Valid());
        var corrected = await officer.PostForm(Form, Form, Valid(stage1InTime: "170"));
        Site.Clock.Now = SiteHost.PublishedAt.AddMinutes(1);
        var (_, publishedPage) = await officer.Get(Form);
        var afterPublication = await PostAnyway(officer, publishedPage, Form, Valid(stage1InTime: "171"));
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var withoutReason = await staff.PostForm(Form, Form, Valid(stage1InTime: "172"));
        var byStaff = await staff.PostForm(Form, Form, new(Valid(stage1InTime: "172")) { ["revision_reason"] = "The council's count missed three late responses", ["revision_kind"] = "correction" });

        Assert.Equal(Form + "?saved=submitted", submitted.Headers.Location!.OriginalString);
        Assert.Equal(Form + "?saved=corrected", corrected.Headers.Location!.OriginalString);
        // Once published, the link officer sees the submission but no form; a post is refused and changes nothing.
        Assert.DoesNotContain("Send the submission", publishedPage);
        Assert.Contains($"{Year} is published. A correction now goes through the ombudsman&#x27;s staff", publishedPage);
        Assert.Equal(HttpStatusCode.BadRequest, afterPublication.StatusCode);
        Assert.Contains("is published: a correction now goes through the ombudsman&#x27;s staff", await afterPublication.Content.ReadAsStringAsync());
        // Staff correcting a published year say why: it is a new version of the year's figures.
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("<a href=\"#revision_reason\">", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(Form + "?saved=corrected", byStaff.Headers.Location!.OriginalString);
        Assert.Equal(172, Count($"SELECT responded_in_time FROM complaint_returns WHERE authority_code = '{Rutland}' AND stage = 1"));
        using (var connection = Site.Database.Connect())
        {
            var latest = Upheld.Publishing.YearVersions.List(connection, Y, Site.Clock.Now)[^1];
            // Rutland is the only unitary with a return: 170 → 172 of 200 moves the printed average of unitaries from 85% to 86%,
            // so every unitary's complaint-handling record is revised.
            var unitaries = Upheld.Authorities.ReferenceData.Councils().Count(c => c.Type == Upheld.Authorities.AuthorityType.Unitary && c.ExistsIn(Y));
            Assert.Equal((Upheld.Publishing.VersionChange.Correction, "The council's count missed three late responses", unitaries),
                (latest.Change, latest.Reason, latest.CouncilsChanged));
        }
        Assert.Equal(10, Count($"SELECT COUNT(*) FROM code_self_assessments WHERE authority_code = '{Rutland}' AND submitted_on = '2020-07-29'"));
        var entries = Audit().Where(e => e.Entity == $"complaint handling {Rutland} {Year}").Reverse().ToList();
        Assert.Equal([("submit complaint handling", "Council link officer E06000017 <lo@e06000017.example>"),
                ("correct complaint handling", "Council link officer E06000017 <lo@e06000017.example>"),
                ("correct complaint handling", "Staff <staff-all@example.org>")],
            entries.Select(e => (e.Action, e.Who)));
        Assert.Null(entries[0].Before);
        Assert.Contains("\"responded_in_time\":167", entries[1].Before);
        Assert.Contains("\"responded_in_time\":170", entries[1].After);
        Assert.Contains("\"annual_report_url\":\"https://www.rutland.gov.uk/complaints-report-2019-20\"", entries[0].After);
    }

    public static readonly TheoryData<string, string> CouncilRoutes = new()
    {
        { "GET", "/staff/complaint-handling/2019-20/{C}" }, { "POST", "/staff/complaint-handling/2019-20/{C}" },
        { "POST", "/staff/complaint-handling/2019-20/{C}/upload" }, { "POST", "/staff/complaint-handling/2019-20/{C}/query" },
    };

    [SkippableFact]
    public async Task Every_route_of_another_council_s_submission_answers_as_a_council_that_does_not_exist()
    {
        Site.Clock.Now = new DateTimeOffset(2020, 7, 10, 9, 0, 0, TimeSpan.Zero);
        // Worcestershire has a submission: a link officer of Rutland must not learn even that.
        var worcestershire = await Officer(Worcestershire);
        Assert.Equal(HttpStatusCode.Redirect, (await worcestershire.PostForm(Form.Replace(Rutland, Worcestershire), Form.Replace(Rutland, Worcestershire), Valid())).StatusCode);
        var auditBefore = Audit().Count;
        var officer = await Officer();
        var (_, home) = await officer.Get("/staff");
        var token = StaffSession.TokenOf(home, "/staff/sign-out");

        foreach (var (method, route) in CouncilRoutes.Select(r => ((string)r[0], (string)r[1])))
        {
            async Task<(HttpStatusCode, string)> Ask(string code)
            {
                var response = await officer.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route.Replace("{C}", code))
                {
                    Content = method == "POST" ? new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. Valid(), new("note", "Leaked?")]) : null,
                });
                // A refusal by role sends to the forbidden page with the address asked for: the requester's own words, nothing learnt.
                return (response.StatusCode, WithoutFormToken(await response.Content.ReadAsStringAsync()) + response.Headers.Location?.AbsolutePath);
            }
            var other = await Ask(Worcestershire);
            var unknown = await Ask("E99999999");
            Assert.Equal(unknown, other);
            Assert.DoesNotContain("Worcestershire", other.Item2);
        }
        Assert.Equal(auditBefore, Audit().Count);
        Assert.Equal(2, Count($"SELECT COUNT(*) FROM complaint_returns WHERE authority_code = '{Worcestershire}'"));
        Assert.Equal(0, Count($"SELECT COUNT(*) FROM complaint_returns WHERE authority_code = '{Rutland}'"));
        // The year's review, deadline and reminders are staff's alone.
        foreach (var (method, route) in new[] { ("GET", "/staff/complaint-handling/2019-20"), ("POST", "/staff/complaint-handling/2019-20/deadline"),
                     ("POST", "/staff/complaint-handling/2019-20/reminders") })
        {
            var response = await officer.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route)
                { Content = method == "POST" ? new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("date", "2020-06-30")]) : null });
            Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery);
        }
        Assert.Null(SubmissionDeadlinesOf(Y));
    }

    private SubmissionDeadline? SubmissionDeadlinesOf(FinancialYear year)
    {
        using var connection = Site.Database.Connect();
        return SubmissionDeadlines.For(connection, year);
    }

    [SkippableFact]
    public async Task A_refused_form_keeps_nothing_and_says_why_beside_each_field_and_a_submission_after_the_deadline_is_late()
    {
        Site.Clock.Now = new DateTimeOffset(2020, 7, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.True(SetSubmissionDeadline.Run(Site.Database, Y, "2020-06-30", "", new Actor("setup"), Site.Clock).Succeeded);
        var officer = await Officer();
        var bad = Valid(stage1InTime: "201");
        bad.Remove("section_7_follows");
        bad["section_4_action"] = "";

        var refused = await officer.PostForm(Form, Form, bad);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", page.TrimStart());
        Assert.Contains("<title>Error: Complaint handling 2019-20: Rutland", page);
        // The import's own messages, each linked from the summary to its field and repeated beside it.
        Assert.Contains("<a href=\"#stage1_responded_in_time\">Stage 1, responded to in time: responded_in_time (201) is more than responded (200)</a>", page);
        Assert.Contains("<a href=\"#section_7_follows\">Section 7, follows the Code: a value is required</a>", page);
        Assert.Contains("<a href=\"#section_4_action\">Section 4, action: a value is required when follows is &#x27;no&#x27;: what the council will do to follow this section</a>", page);
        Assert.Contains("id=\"stage1_responded_in_time-error\"", page);
        Assert.Contains("value=\"201\"", page);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM complaint_returns") + Count("SELECT COUNT(*) FROM code_self_assessments") + Count("SELECT COUNT(*) FROM complaint_submissions"));

        var late = await officer.PostForm(Form, Form, Valid());
        var (_, home) = await officer.Get("/staff");

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal((new DateOnly(2020, 7, 1), true), (Assessment(Rutland)!.SubmittedOn, Assessment(Rutland)!.Late));
        Assert.Contains("Received late", home);
        // Submitted on the deadline's day is on time: staff record the day the council sent it.
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostForm(Form, Form, new(Valid()) { ["submitted_on"] = "2020-06-30" })).StatusCode);
        Assert.Equal((new DateOnly(2020, 6, 30), false), (Assessment(Rutland)!.SubmittedOn, Assessment(Rutland)!.Late));
        var review = await staff.Get("/staff/complaint-handling/2019-20");
        int councils;
        using (var connection = Site.Database.Connect()) councils = ComplaintHandlingQuery.ForYear(connection, Y).Count;
        Assert.Contains(@"Received by the deadline</dt><dd class=""govuk-summary-list__value"">1<", review.Body);
        Assert.Contains(@"Received late</dt><dd class=""govuk-summary-list__value"">0<", review.Body);
        Assert.Contains($@"Not received</dt><dd class=""govuk-summary-list__value"">{councils - 1}<", review.Body);
        using (var connection = Site.Database.Connect())
            Assert.Equal(("complaint handling: submissions beside the ombudsman's figures", "Staff <staff-all@example.org>"),
                (AccessLog.Latest(connection)[0].What, AccessLog.Latest(connection)[0].Who));

        // A deadline brought forward makes the day received late again; once public, the council page says so.
        Assert.True(SetSubmissionDeadline.Run(Site.Database, Y, "2020-06-29", null, new Actor("setup"), Site.Clock).Succeeded);
        Site.Clock.Now = SiteHost.PublishedAt.AddMinutes(1);
        var (_, councilPage, _) = await Get("/councils/E06000017/rutland/2019-20");
        Assert.Contains("Submitted on 30 June 2020, after the ombudsman&#x27;s deadline.", councilPage);
    }

    [SkippableFact]
    public async Task A_query_reaches_the_link_officer_and_sending_the_submission_again_answers_it()
    {
        Site.Clock.Now = new DateTimeOffset(2020, 7, 10, 9, 0, 0, TimeSpan.Zero);
        var officer = await Officer();
        await officer.PostForm(Form, Form, Valid());
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var query = await staff.PostForm(Form, Form + "/query", new() { ["note"] = "Stage 1 upheld looks high against last year: please check 80." });
        var (_, queried) = await officer.Get("/staff");
        var (_, review) = await staff.Get("/staff/complaint-handling/2019-20");
        var answer = await officer.PostForm(Form, Form, Valid());
        var (_, answered) = await officer.Get("/staff");

        Assert.Equal(Form + "?saved=queried", query.Headers.Location!.OriginalString);
        Assert.Contains("Query about your 2019-20 submission", queried);
        Assert.Contains("Stage 1 upheld looks high against last year: please check 80.", queried);
        Assert.Contains("govuk-tag--red\">Queried", review);
        // Sent again unchanged, the submission answers the query: it is recorded, and the note is no longer shown.
        Assert.Equal(Form + "?saved=corrected", answer.Headers.Location!.OriginalString);
        Assert.DoesNotContain("please check 80", answered);
        var entries = Audit().Where(e => e.Entity == $"complaint handling {Rutland} {Year}").Take(2).ToList();
        Assert.Equal(("correct complaint handling", "query complaint handling"), (entries[0].Action, entries[1].Action));
        Assert.Contains("\"answers_query\":\"Stage 1 upheld looks high against last year: please check 80.\"", entries[0].After);
    }

    [SkippableFact]
    public async Task The_two_files_uploaded_are_a_submission_and_a_row_of_another_council_is_refused_by_line_and_column()
    {
        Site.Clock.Now = new DateTimeOffset(2020, 7, 10, 9, 0, 0, TimeSpan.Zero);
        var officer = await Officer();
        const string returns = "authority_code,year,stage,received,responded,responded_in_time,upheld\n";
        var assessments = "authority_code,year,section,follows,evidence,action,target_date,submitted_on\n" +
            string.Concat(CodeSections.Ids.Select(id => $"{Rutland},2019-20,{id},yes,Policy,,,2020-07-10\n"));

        var refused = await Upload(officer, returns + $"{Rutland},2019-20,1,210,200,167,80\n{Worcestershire},2019-20,2,30,16,12,5\n", assessments);
        var stale = await Upload(officer, returns + $"{Rutland},2019-20,1,210,200,167,80\n{Rutland},2019-20,2,30,16,12,5\n", assessments.Replace("2020-07-10", "2020-07-09"));
        var accepted = await Upload(officer, returns + $"{Rutland},2019-20,1,210,200,167,80\n{Rutland},2019-20,2,30,16,12,5\n", assessments);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#complaint_returns\">complaint_returns.csv line 3, column authority_code: a submission holds E06000017&#x27;s rows only; this row is for &#x27;E10000034&#x27;</a>",
            await refused.Content.ReadAsStringAsync());
        // A link officer's submission is dated the day it arrives, whatever the file says.
        Assert.Contains("code_self_assessments.csv line 2, column submitted_on: write 2020-07-10: a submission is dated the day it is first received", await stale.Content.ReadAsStringAsync());
        Assert.Equal(Form + "?saved=submitted", accepted.Headers.Location!.OriginalString);
        Assert.Equal((2, 10), (Count("SELECT COUNT(*) FROM complaint_returns"), Count("SELECT COUNT(*) FROM code_self_assessments")));
        Assert.Equal("submit complaint handling", Audit()[0].Action);
    }

    private static async Task<HttpResponseMessage> Upload(StaffSession session, string returns, string assessments)
    {
        var (_, page) = await session.Get(Form);
        var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenOf(page, Form + "/upload")), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(returns)), "complaint_returns", "complaint_returns.csv" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(assessments)), "code_self_assessments", "code_self_assessments.csv" },
        };
        return await session.Client.PostAsync(Form + "/upload", form);
    }

    // Each page carries a fresh anti-forgery token for its forms; everything else must be the same.
    private static string WithoutFormToken(string page) => FormToken().Replace(page, "value=\"TOKEN\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]+\"")]
    private static partial Regex FormToken();
}

public sealed class SqliteSubmissionTests() : SubmissionTests(DatabaseProvider.Sqlite);

public sealed class PostgresSubmissionTests() : SubmissionTests(DatabaseProvider.PostgreSql);
