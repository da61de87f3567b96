using System.CommandLine;
using Upheld.Letters;

namespace Upheld.Cli.Commands;

/// <summary>Staff decisions on letters: <c>letters switch</c>, <c>letters approve</c> and <c>letters status</c>.</summary>
internal static class LetterReviewCommands
{
    public static Command Switch()
    {
        var year = CommonOptions.Year();
        var authority = Authority();
        var paragraph = new Option<string>("--paragraph") { Description = $"{string.Join(", ", DataParagraphs.Fixed.Concat(DataParagraphs.OffByDefault))} or public_report:CASE_REF", Required = true };
        var on = new Option<bool>("--on") { Description = "Switch the paragraph on (default: off); service_area_signals is off until switched on" };
        var command = new Command("switch", "Switch a paragraph written from data off (or on) for one letter") { year, authority, paragraph, on };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            try
            {
                SwitchLetterParagraph.Run(database, parse.GetValue(authority)!, y, parse.GetValue(paragraph)!, parse.GetValue(on), CommonOptions.Actor, TimeProvider.System);
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
        var hash = new Option<string?>("--hash")
        {
            Description = "The content hash of the letter you read, as shown by this command without --hash or by letters status; refused if the letter has changed since",
        };
        var command = new Command("approve", "Show a letter and its content hash; with --hash, approve that text") { year, authority, by, hash };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            var editions = EditionCatalog.Load(parse.GetValue(LettersCommand.Editions));
            ComposedLetter letter;
            try
            {
                using var connection = database.Connect();
                letter = YearLetters.Compose(connection, y, editions, parse.GetValue(authority)).Single();
            }
            catch (LetterRequestException e)
            {
                return CommonOptions.Fail($"letters approve: {e.Message}");
            }
            // A person approves what they read: without a hash the command shows the text, and approving takes its hash.
            if (parse.GetValue(hash) is not { } seen)
            {
                Show(letter, y);
                return CommonOptions.Fail($"letters approve: Nothing was approved. Read the letter above, then run again with --hash {letter.ContentHash} to approve exactly this text.");
            }
            var approval = ApproveLetter.Run(database, letter.Letter.AuthorityCode, y, seen, parse.GetValue(by), editions, CommonOptions.Actor, TimeProvider.System);
            if (!approval.Approved)
                return CommonOptions.Fail($"letters approve: {LetterReview.ChangedSinceOpened} (--hash {seen.Trim()} names other words than the letter's now, {approval.Letter.ContentHash}); nothing was approved. Run letters approve without --hash to read it again.");
            letter = approval.Letter;
            Console.WriteLine($"Approved the {y} letter of {parse.GetValue(authority)} ({letter.ContentHash})");
            return 0;
        });
        return command;
    }

    /// <summary>The letter's words, as the staff area's review page lists them, and the hash that approving them takes.</summary>
    private static void Show(ComposedLetter letter, FinancialYear year)
    {
        Console.WriteLine($"{letter.Letter.AuthorityCode} {letter.Letter.AuthorityName}, {year}: {Describe(letter.Approval)}");
        foreach (var section in letter.Letter.Sections)
        {
            Console.WriteLine();
            if (section.Heading is { } heading) Console.WriteLine($"## {heading}");
            foreach (var paragraph in section.Paragraphs) Console.WriteLine(paragraph.Text);
        }
        Console.WriteLine();
        Console.WriteLine($"Content hash: {letter.ContentHash}");
        Console.WriteLine($"To approve exactly this text: upheld letters approve --year {year} --authority {letter.Letter.AuthorityCode} --hash {letter.ContentHash}");
    }

    public static Command Status()
    {
        var year = CommonOptions.Year();
        var command = new Command("status", "List every letter of a year with its approval state and content hash") { year };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            using var connection = CommonOptions.OpenDatabase(parse).Connect();
            try
            {
                foreach (var l in YearLetters.Compose(connection, y, EditionCatalog.Load(parse.GetValue(LettersCommand.Editions))))
                    Console.WriteLine($"{l.Letter.AuthorityCode}\t{l.Letter.AuthorityName}\t{Describe(l.Approval)}\t{l.ContentHash}");
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
