using System.CommandLine;
using Upheld.Accounts;
using Upheld.Letters;
using Upheld.Publishing;

namespace Upheld.Cli.Commands;

/// <summary>Staff decisions on letters: <c>letters switch</c>, <c>letters approve</c> and <c>letters status</c>.</summary>
internal static class LetterReviewCommands
{
    public static Command Switch()
    {
        var year = CommonOptions.Year();
        var authority = Authority();
        var paragraph = new Option<string>("--paragraph") { Description = "late_remedies or public_report:CASE_REF", Required = true };
        var on = new Option<bool>("--on") { Description = "Switch the paragraph back on (default: off)" };
        var command = new Command("switch", "Switch a paragraph written from data off (or on) for one letter") { year, authority, paragraph, on };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            try
            {
                if (LetterReview.Switch(connection, parse.GetValue(authority)!, y, parse.GetValue(paragraph)!, parse.GetValue(on)))
                    Audits.ParagraphSwitched(connection, TimeProvider.System.GetUtcNow(), CommonOptions.Actor, parse.GetValue(authority)!, y, parse.GetValue(paragraph)!, parse.GetValue(on));
                PublishedSnapshots.DataChanged(connection, y, TimeProvider.System.GetUtcNow());
            }
            catch (ArgumentException e)
            {
                return CommonOptions.Fail($"--paragraph: {e.Message}");
            }
            Console.WriteLine($"{parse.GetValue(paragraph)} switched {(parse.GetValue(on) ? "on" : "off")} for {parse.GetValue(authority)} {y}");
            return 0;
        });
        return command;
    }

    public static Command Approve()
    {
        var year = CommonOptions.Year();
        var authority = Authority();
        var by = new Option<string?>("--by") { Description = "Who approves (recorded with the approval)" };
        var command = new Command("approve", "Approve a letter as it is composed now") { year, authority, by };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            try
            {
                var letter = YearLetters.Compose(connection, y, EditionCatalog.Load(parse.GetValue(LettersCommand.Editions)), parse.GetValue(authority)).Single();
                var now = TimeProvider.System.GetUtcNow();
                LetterReview.Approve(connection, letter.Letter.AuthorityCode, y, letter.ContentHash, now, parse.GetValue(by));
                Audits.LetterApproved(connection, now, CommonOptions.Actor, letter.Letter.AuthorityCode, y, letter.Approval, letter.ContentHash);
                PublishedSnapshots.DataChanged(connection, y, TimeProvider.System.GetUtcNow());
            }
            catch (LetterRequestException e)
            {
                return CommonOptions.Fail($"letters approve: {e.Message}");
            }
            Console.WriteLine($"Approved the {y} letter of {parse.GetValue(authority)}");
            return 0;
        });
        return command;
    }

    public static Command Status()
    {
        var year = CommonOptions.Year();
        var command = new Command("status", "List every letter of a year with its approval state") { year };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            try
            {
                foreach (var l in YearLetters.Compose(connection, y, EditionCatalog.Load(parse.GetValue(LettersCommand.Editions))))
                    Console.WriteLine($"{l.Letter.AuthorityCode}\t{l.Letter.AuthorityName}\t{Describe(l.Approval)}");
            }
            catch (LetterRequestException e)
            {
                return CommonOptions.Fail($"letters status: {e.Message}");
            }
            return 0;
        });
        return command;
    }

    private static Option<string> Authority() => new("--authority") { Description = "The council's ONS code", Required = true };

    private static string Describe(ApprovalState state) => state switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.ChangedSinceApproval => "changed since approval",
        _ => "not approved",
    };
}
