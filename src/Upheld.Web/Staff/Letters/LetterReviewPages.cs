using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Documents;

namespace Upheld.Web.Staff;

/// <summary>What the review page shows: the letter, its switches and commentary, and whether it was just saved or has errors.</summary>
public sealed record LetterReviewModel(ComposedLetter Letter, FinancialYear Year, IReadOnlyList<(string Key, bool On)> Switches, string Commentary,
    bool Saved, FormErrors Errors);

/// <summary><c>/staff/letters</c>: each council's letter of a year, its commentary and switches, and approval by a publisher.</summary>
public static class LetterReviewPages
{
    public static void MapLetterReview(this RouteGroupBuilder staff)
    {
        var letters = staff.MapGroup("/letters").RequireAuthorization(StaffSetup.StaffPolicy);

        letters.MapGet("", (HttpContext context, string? year, bool? sent, Database database, StaffMail mail) =>
        {
            var years = LetterDesk.Years();
            var chosen = FinancialYear.TryParse(year, out var y) ? y.Value : years.FirstOrDefault();
            using var connection = database.Connect();
            var list = LetterDesk.YearOf(connection, chosen);
            if (list.Count > 0) UnpublishedViews.Note(context, chosen, "letters: list with approval states", null);
            return StaffAnswers.Page<LettersPage>(context, new
            {
                Years = years, Year = chosen, Letters = list, Sending = LetterSendPages.Sending(connection, chosen, mail, sent == true),
            });
        });

        letters.MapGet("/{code}/{year}", (HttpContext context, string code, string year, bool? saved, Database database) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            using var connection = database.Connect();
            if (LetterDesk.Letter(connection, code, y.Value) is not { } letter) return StaffAnswers.NotFound(context);
            UnpublishedViews.Note(context, y.Value, "letter: review page", code);
            return StaffAnswers.Page<LetterReviewPage>(context, new LetterReviewModel(letter, y.Value, LetterDesk.Switches(connection, letter, y.Value),
                string.Join("\n\n", WriteCommentary.Read(connection, code, y.Value)), saved == true, FormErrors.None));
        });

        letters.MapGet("/{code}/{year}/preview.html", async (HttpContext context, string code, string year, Database database) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            ComposedLetter? letter;
            using (var connection = database.Connect()) letter = LetterDesk.Letter(connection, code, y.Value);
            if (letter is null) return StaffAnswers.NotFound(context);
            UnpublishedViews.Note(context, y.Value, "letter: preview", code);
            return await Preview(context, letter);
        });

        letters.MapPost("/{code}/{year}/commentary", async (HttpContext context, string code, string year, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var paragraphs = LetterDesk.Paragraphs(form["commentary"].ToString());
            using var connection = database.Connect();
            if (LetterDesk.Letter(connection, code, y.Value) is not { } letter) return StaffAnswers.NotFound(context);
            var problems = WriteCommentary.Run(database, code, y.Value, paragraphs, StaffAnswers.Person(context).Actor, clock);
            if (problems.Count > 0)
            {
                var errors = new FormErrors();
                foreach (var problem in problems) errors.Add("commentary", problem);
                return StaffAnswers.Page<LetterReviewPage>(context, new LetterReviewModel(letter, y.Value, LetterDesk.Switches(connection, letter, y.Value),
                    form["commentary"].ToString(), false, errors), StatusCodes.Status400BadRequest);
            }
            await refresh.AfterChangeAsync();
            return StaffAnswers.SeeOther($"/staff/letters/{code}/{y.Value}?saved=true");
        });

        letters.MapPost("/{code}/{year}/switches", async (HttpContext context, string code, string year, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var wanted = form["on"].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
            using var connection = database.Connect();
            if (LetterDesk.Letter(connection, code, y.Value) is not { } letter) return StaffAnswers.NotFound(context);
            var switches = LetterDesk.Switches(connection, letter, y.Value).Where(s => s.On != wanted.Contains(s.Key)).Select(s => (s.Key, !s.On)).ToList();
            SwitchLetterParagraph.Run(database, code, y.Value, switches, StaffAnswers.Person(context).Actor, clock);
            await refresh.AfterChangeAsync();
            return StaffAnswers.SeeOther($"/staff/letters/{code}/{y.Value}?saved=true");
        });

        letters.MapPost("/{code}/{year}/approve", async (HttpContext context, string code, string year, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            using (var connection = database.Connect())
                if (LetterDesk.Letter(connection, code, y.Value) is null) return StaffAnswers.NotFound(context);
            var person = StaffAnswers.Person(context);
            var form = await context.Request.ReadFormAsync();
            if (!ApproveLetter.Run(database, code, y.Value, form["hash"].ToString(), person.Name, LetterDesk.Editions, person.Actor, clock).Approved)
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "The letter has changed since you opened it",
                    "Nothing was approved: the letter's words are not those on the page you approved from. Open the letter again, read what changed, and approve it then.");
            await refresh.AfterChangeAsync();
            return StaffAnswers.SeeOther($"/staff/letters/{code}/{y.Value}?saved=true");
        }).RequireAuthorization(StaffSetup.PublisherPolicy);
    }

    /// <summary>The letter as it would be sent, with its own inline styles (the letter's CSP, as on the public site).</summary>
    internal static async Task<IResult> Preview(HttpContext context, ComposedLetter letter)
    {
        await using var html = new LetterHtml();
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
        return Results.Content(await html.RenderAsync(letter.Letter, letter.Edition), "text/html; charset=utf-8");
    }
}
