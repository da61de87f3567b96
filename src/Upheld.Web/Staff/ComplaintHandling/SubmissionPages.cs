using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Publishing;
using Upheld.Storage;
using Upheld.Web.Hosting;

namespace Upheld.Web.Staff;

/// <summary>
/// <c>/staff/complaint-handling</c>: councils' complaint-handling submissions. A link officer submits and corrects their own
/// council's (the form, or the two CSV files) until the year is published; staff review every council's, query one with a
/// note, enter or correct one on a council's behalf, set the deadline (a publisher) and send reminders.
/// </summary>
/// <remarks>
/// Every route of a council checks the code against the person and answers another council exactly as one that does not
/// exist (404); the engine's use cases check it again. Every change is an engine use case, audited as the person's.
/// </remarks>
public static class SubmissionPages
{
    public const string Root = "/staff/complaint-handling";

    /// <summary>Uploaded files are small: two files of a dozen rows.</summary>
    private const long LargestUpload = RequestLimits.SubmissionBytes / 2;

    public static string Address(FinancialYear year, string? code = null) => code is null ? $"{Root}/{year}" : $"{Root}/{year}/{code}";

    public static void MapSubmissions(this RouteGroupBuilder staff)
    {
        staff.MapGet("/complaint-handling", (HttpContext context, Database database, TimeProvider clock) =>
        {
            if (!StaffAnswers.Person(context).IsStaff) return StaffAnswers.SeeOther("/staff");
            using var connection = database.Connect();
            var deadlines = SubmissionDeadlines.All(connection).ToDictionary(d => d.Year);
            // The year being recorded and the one before it (whose returns are due now), and every year with a deadline.
            var current = FinancialYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var years = deadlines.Keys.Append(current).Append(new FinancialYear(current.StartYear - 1)).Distinct().OrderDescending();
            return StaffAnswers.Page<SubmissionYearsPage, SubmissionYearsModel>(context, new(years.Select(y => (y, deadlines.GetValueOrDefault(y))).ToList()));
        });

        staff.MapGet("/complaint-handling/{year}", (HttpContext context, string year, bool? saved, bool? reminded, string? show, Database database, TimeProvider clock,
            StaffMail mail) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            return Review(context, database, clock, mail, y.Value, saved == true, reminded == true, FormErrors.None, null, null, show: show);
        }).RequireAuthorization(StaffSetup.StaffPolicy);

        staff.MapPost("/complaint-handling/{year}/deadline", async (HttpContext context, string year, Database database, TimeProvider clock, StaffMail mail, SiteRefresh refresh) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var note = RevisionNoteForm.Read(form);
            DeadlineResult result;
            try
            {
                result = SetSubmissionDeadline.Run(database, y.Value, form["date"], form["reminder_days"], StaffAnswers.Person(context).Actor, clock, note);
            }
            catch (RevisionReasonMissing missing)
            {
                return Review(context, database, clock, mail, y.Value, false, false, RevisionNoteForm.Missing(missing), form["date"], form["reminder_days"],
                    StatusCodes.Status400BadRequest, note: note);
            }
            if (!result.Succeeded)
            {
                var errors = new FormErrors();
                foreach (var (field, message) in result.Problems) errors.Add(field, Sentence(message));
                return Review(context, database, clock, mail, y.Value, false, false, errors, form["date"], form["reminder_days"], StatusCodes.Status400BadRequest, note: note);
            }
            await refresh.AfterChangeAsync();
            return StaffAnswers.SeeOther(Address(y.Value) + "?saved=true");
        }).RequireAuthorization(StaffSetup.PublisherPolicy);

        staff.MapPost("/complaint-handling/{year}/reminders", async (HttpContext context, string year, StaffMail mail) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            if (mail.Settings is null)
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "E-mail is not set up", LetterSendPages.NotSetUp(mail.Problem).Replace("letters cannot", "reminders cannot")
                    .Replace("upheld letters send", "upheld complaint-handling remind"));
            var summary = await mail.RemindAsync(y.Value, StaffAnswers.Person(context).Actor);
            if (summary is null)
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "Reminders are being sent",
                    "Another run of reminders is being sent now. When it has finished, open the submissions page again to see what was sent.");
            if (summary.NotDue is { } reason)
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "No reminders are due", Sentence(reason) + ".");
            return StaffAnswers.SeeOther(Address(y.Value) + "?reminded=true");
        }).RequireAuthorization(StaffSetup.StaffPolicy).DisableRequestTimeout();

        staff.MapGet("/complaint-handling/{year}/{code}", (HttpContext context, string year, string code, string? saved, Database database, TimeProvider clock, SiteData data) =>
            Council(context, year, code, data) is not (var council, var y)
                ? StaffAnswers.NotFound(context)
                : Form(context, database, clock, council, y, null, saved, FormErrors.None, FormErrors.None, FormErrors.None, null));

        staff.MapPost("/complaint-handling/{year}/{code}", async (HttpContext context, string year, string code, Database database, TimeProvider clock, SiteData data, SiteRefresh refresh) =>
        {
            if (Council(context, year, code, data) is not (var council, var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var values = SubmissionFields.All.ToDictionary(f => f, f => (string?)form[f].ToString(), StringComparer.Ordinal);
            // Staff changing a published year say why (a link officer cannot change one at all).
            var note = StaffAnswers.Person(context).IsStaff ? RevisionNoteForm.Read(form) : null;
            SubmissionResult result;
            try
            {
                result = SubmitComplaintHandling.Form(database, council.Code, y, values, Submitter(context), clock, note);
            }
            catch (RevisionReasonMissing missing)
            {
                return Form(context, database, clock, council, y, values, null, RevisionNoteForm.Missing(missing), FormErrors.None, FormErrors.None, null,
                    StatusCodes.Status400BadRequest, note);
            }
            return await Answer(context, database, clock, council, y, result, refresh, refused => Form(context, database, clock, council, y, values, null,
                Errors(refused), FormErrors.None, FormErrors.None, null, StatusCodes.Status400BadRequest, note));
        }).ForSubmission();

        staff.MapPost("/complaint-handling/{year}/{code}/upload", async (HttpContext context, string year, string code, Database database, TimeProvider clock, SiteData data, SiteRefresh refresh) =>
        {
            if (Council(context, year, code, data) is not (var council, var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var upload = new FormErrors();
            async Task<byte[]?> Read(string field)
            {
                if (form.Files[field] is not { Length: > 0 } file) return null;
                if (file.Length > LargestUpload)
                {
                    upload.Add(field, $"The file is larger than {LargestUpload / 1024} KB: a submission's file holds a dozen rows");
                    return null;
                }
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                return buffer.ToArray();
            }
            var returns = await Read(SubmissionFields.ReturnsFile);
            var assessments = await Read(SubmissionFields.SelfAssessmentFile);
            if (upload.Any)
                return Form(context, database, clock, council, y, null, null, FormErrors.None, upload, FormErrors.None, null, StatusCodes.Status400BadRequest);
            // The upload form has no reason: a published year is corrected with the form, which asks for one.
            var note = StaffAnswers.Person(context).IsStaff ? RevisionNoteForm.Read(form) : null;
            SubmissionResult result;
            try
            {
                result = SubmitComplaintHandling.Files(database, council.Code, y, returns, assessments, Submitter(context), clock, note);
            }
            catch (RevisionReasonMissing missing)
            {
                return Form(context, database, clock, council, y, null, null, FormErrors.None,
                    new FormErrors().Add("", Sentence(missing.Message) + ": correct it with the form above, which asks for the reason"), FormErrors.None, null,
                    StatusCodes.Status400BadRequest);
            }
            return await Answer(context, database, clock, council, y, result, refresh, refused => Form(context, database, clock, council, y, null, null,
                FormErrors.None, Errors(refused), FormErrors.None, null, StatusCodes.Status400BadRequest));
        }).ForSubmission();

        staff.MapPost("/complaint-handling/{year}/{code}/query", async (HttpContext context, string year, string code, Database database, TimeProvider clock, SiteData data) =>
        {
            if (Council(context, year, code, data) is not (var council, var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var note = form["note"].ToString();
            if (QuerySubmission.Run(database, council.Code, y, note, StaffAnswers.Person(context).Actor, clock) is { } problem)
                return Form(context, database, clock, council, y, null, null, FormErrors.None, FormErrors.None,
                    new FormErrors().Add(problem.Field.Length == 0 ? "note" : problem.Field, problem.Message), note, StatusCodes.Status400BadRequest);
            return StaffAnswers.SeeOther(Address(y, council.Code) + "?saved=queried");
        }).RequireAuthorization(StaffSetup.StaffPolicy);
    }

    /// <summary>A link officer's start page: their council's submission of every year with a deadline or a submission, newest first.</summary>
    public static IResult LinkOfficerHome(HttpContext context, Database database, TimeProvider clock, SiteData data)
    {
        var code = StaffAnswers.Person(context).CouncilCode;
        if (code is null || data.Authority(code) is not { } council) return StaffAnswers.NotFound(context);
        using var connection = database.Connect();
        var submitted = Dapper.SqlMapper.Query<long>(connection,
            "SELECT year FROM complaint_returns WHERE authority_code = @code UNION SELECT year FROM code_self_assessments WHERE authority_code = @code", new { code });
        var years = SubmissionDeadlines.All(connection).Select(d => d.Year).Concat(submitted.Select(y => new FinancialYear((int)y)))
            .Distinct().Where(council.ExistsIn).OrderDescending();
        var now = new Audience.Public(clock.GetUtcNow());
        return StaffAnswers.Page<LinkOfficerHomePage, LinkOfficerHomeModel>(context, new(council,
            years.Select(y => (SubmissionState.For(connection, code, y), Publication.IsVisible(connection, y, now))).ToList()));
    }

    /// <summary>The council if it exists in the year and the person may see it; null otherwise, so another council looks like no council.</summary>
    private static (Authority Council, FinancialYear Year)? Council(HttpContext context, string year, string code, SiteData data) =>
        FinancialYear.TryParse(year, out var y) && StaffAnswers.Person(context).MaySee(code) && data.Authority(code) is { } council && council.ExistsIn(y.Value)
            ? (council, y.Value)
            : null;

    private static Submitter Submitter(HttpContext context) =>
        StaffAnswers.Person(context) is { IsStaff: true } staff ? new Submitter.Staff(staff.Actor) : new Submitter.LinkOfficer(StaffAnswers.Person(context).Actor,
            StaffAnswers.Person(context).CouncilCode ?? "");

    private static async Task<IResult> Answer(HttpContext context, Database database, TimeProvider clock, Authority council, FinancialYear year, SubmissionResult result,
        SiteRefresh refresh, Func<SubmissionResult, IResult> refused)
    {
        switch (result.Outcome)
        {
            case SubmissionOutcome.UnknownCouncil:
                return StaffAnswers.NotFound(context);
            case SubmissionOutcome.Refused or SubmissionOutcome.YearPublished:
                return refused(result);
            default:
                if (result.Outcome != SubmissionOutcome.Unchanged) await refresh.AfterChangeAsync();
                return StaffAnswers.SeeOther(Address(year, council.Code) + "?saved=" + result.Outcome.ToString().ToLowerInvariant());
        }
    }

    private static FormErrors Errors(SubmissionResult result)
    {
        var errors = new FormErrors();
        foreach (var problem in result.Problems) errors.Add(problem.Field, problem.Message);
        return errors;
    }

    private static IResult Form(HttpContext context, Database database, TimeProvider clock, Authority council, FinancialYear year,
        IReadOnlyDictionary<string, string?>? typed, string? saved, FormErrors errors, FormErrors upload, FormErrors query, string? queryNote,
        int status = StatusCodes.Status200OK, RevisionNote? note = null)
    {
        using var connection = database.Connect();
        var now = clock.GetUtcNow();
        var values = typed ?? SubmissionFields.Stored(connection, council.Code, year);
        var published = Publication.IsVisible(connection, year, new Audience.Public(now));
        return StaffAnswers.Page<SubmissionFormPage, SubmissionFormModel>(context, new(council, year, values, SubmissionState.For(connection, council.Code, year),
            published, saved is "submitted" or "corrected" or "unchanged" or "queried" ? saved : null, errors, upload, query, queryNote,
            DateOnly.FromDateTime(now.UtcDateTime), note), status);
    }

    private static IResult Review(HttpContext context, Database database, TimeProvider clock, StaffMail mail, FinancialYear year, bool saved, bool reminded,
        FormErrors errors, string? date, string? days, int status = StatusCodes.Status200OK, string? show = null, RevisionNote? note = null)
    {
        using var connection = database.Connect();
        var review = SubmissionReview.For(connection, year);
        // The page shows every council's unpublished ombudsman figures beside its own.
        var unpublished = UnpublishedViews.Note(context, year, "complaint handling: submissions beside the ombudsman's figures", null);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plan = SubmissionReminders.Plan(connection, year, today, new Upheld.Accounts.StaffLinkOfficers(database));
        DateTimeOffset? publishedAt = Publication.Schedule(connection).TryGetValue(year, out var at) ? at : null;
        return StaffAnswers.Page<SubmissionsPage, SubmissionsPageModel>(context, new(review, publishedAt, unpublished, plan, mail.Settings is not null, mail.Problem,
            SubmissionReminders.Latest(connection, year), reminded, saved, errors,
            date ?? review.Deadline?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            days ?? review.Deadline?.ReminderDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            show is "not-received" or "late" or "queried" or "checks" ? show : "all", note), status);
    }

    private static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];
}
