using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Accounts;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Documents;

namespace Upheld.Web.Staff;

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
            return StaffAnswers.Page<LetterReviewPage>(context, new
            {
                Letter = letter, Year = y.Value, Saved = saved == true,
                Switches = LetterDesk.Switches(connection, letter, y.Value),
                Commentary = string.Join("\n\n", LetterDesk.Commentary(connection, code, y.Value)),
            });
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
            var errors = new FormErrors();
            if (paragraphs.Count > LetterDesk.MostParagraphs) errors.Add("commentary", $"Write at most {LetterDesk.MostParagraphs} paragraphs");
            foreach (var (text, n) in paragraphs.Select((p, i) => (p, i + 1)).Where(p => p.p.Length > LetterDesk.LongestParagraph))
                errors.Add("commentary", $"Paragraph {n} is longer than {LetterDesk.LongestParagraph:N0} characters");
            foreach (var (url, n) in paragraphs.SelectMany((p, i) => Upheld.Letters.LetterLinks.LeavingSite(p).Select(url => (url, i + 1))))
                errors.Add("commentary", $"Paragraph {n} links to '{url}', {Upheld.Letters.LetterLinks.Rule}");
            if (errors.Any)
                return StaffAnswers.Page<LetterReviewPage>(context, new
                {
                    Letter = letter, Year = y.Value, Switches = LetterDesk.Switches(connection, letter, y.Value),
                    Commentary = form["commentary"].ToString(), Errors = errors,
                }, StatusCodes.Status400BadRequest);
            using (var transaction = connection.BeginTransaction())
            {
                var before = LetterDesk.Commentary(connection, code, y.Value, transaction);
                LetterDesk.SetCommentary(connection, transaction, code, y.Value, paragraphs);
                if (!before.SequenceEqual(paragraphs))
                    AuditLog.Record(connection, transaction, clock.GetUtcNow(), StaffAnswers.Person(context).Label, "edit commentary", $"letter {code} {y.Value}",
                        JsonSerializer.Serialize(before), JsonSerializer.Serialize(paragraphs));
                transaction.Commit();
            }
            await refresh.AfterChangeAsync(y.Value);
            return StaffAnswers.SeeOther($"/staff/letters/{code}/{y.Value}?saved=true");
        });

        letters.MapPost("/{code}/{year}/switches", async (HttpContext context, string code, string year, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            var form = await context.Request.ReadFormAsync();
            var wanted = form["on"].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
            using var connection = database.Connect();
            if (LetterDesk.Letter(connection, code, y.Value) is not { } letter) return StaffAnswers.NotFound(context);
            var person = StaffAnswers.Person(context);
            foreach (var (key, on) in LetterDesk.Switches(connection, letter, y.Value).Where(s => s.On != wanted.Contains(s.Key)))
            {
                if (LetterReview.Switch(connection, code, y.Value, key, !on))
                    Audits.ParagraphSwitched(connection, clock.GetUtcNow(), person.Label, code, y.Value, key, !on);
            }
            await refresh.AfterChangeAsync(y.Value);
            return StaffAnswers.SeeOther($"/staff/letters/{code}/{y.Value}?saved=true");
        });

        letters.MapPost("/{code}/{year}/approve", async (HttpContext context, string code, string year, Database database, TimeProvider clock, SiteRefresh refresh) =>
        {
            if (!FinancialYear.TryParse(year, out var y)) return StaffAnswers.NotFound(context);
            using var connection = database.Connect();
            if (LetterDesk.Letter(connection, code, y.Value) is not { } letter) return StaffAnswers.NotFound(context);
            var person = StaffAnswers.Person(context);
            var now = clock.GetUtcNow();
            var form = await context.Request.ReadFormAsync();
            if (!LetterReview.ApproveAsSeen(connection, letter, y.Value, form["hash"].ToString(), now, person.Name))
                return StaffAnswers.Message(context, StatusCodes.Status409Conflict, "The letter has changed since you opened it",
                    "Nothing was approved: the letter's words are not those on the page you approved from. Open the letter again, read what changed, and approve it then.");
            Audits.LetterApproved(connection, now, person.Label, code, y.Value, letter.Approval, letter.ContentHash);
            await refresh.AfterChangeAsync(y.Value);
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
