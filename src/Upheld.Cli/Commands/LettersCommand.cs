using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Upheld.Letters;
using Upheld.Documents;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld letters --year Y [--authority CODE …] --out DIR [--format html,pdf]</c>, and the staff subcommands.</summary>
internal static class LettersCommand
{
    public static readonly Option<string?> Editions = new("--editions")
    {
        Description = "A folder of further edition files (NAME.json with its signature image) beside the shipped ones",
        Recursive = true,
    };

    public static Command Create()
    {
        var year = CommonOptions.Year();
        var authority = new Option<string[]>("--authority") { Description = "Only these councils' letters (ONS codes; repeat the option or separate codes with commas)" };
        var output = new Option<string>("--out") { Description = "Folder to write the letters into (created when missing)", Required = true };
        var format = new Option<string>("--format") { Description = "html, pdf or html,pdf", DefaultValueFactory = _ => "html,pdf" };
        var command = new Command("letters", "Write the annual review letters of a year, composed from the current data")
            { year, authority, output, format, Editions };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var formats = parse.GetValue(format)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            if (formats.Count == 0 || formats.Except(LetterFiles.Formats).FirstOrDefault() is { } unknown)
                return CommonOptions.Fail($"--format: '{parse.GetValue(format)}' is not html, pdf or html,pdf");
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, financialYear)) return 1;
            IReadOnlyList<ComposedLetter> letters;
            try
            {
                using var connection = database.Connect();
                letters = YearLetters.Compose(connection, financialYear, EditionCatalog.Load(parse.GetValue(Editions)), Codes(parse.GetValue(authority)));
            }
            catch (Exception e) when (e is LetterRequestException or InvalidDataException or DirectoryNotFoundException)
            {
                return CommonOptions.Fail($"letters: {e.Message}");
            }
            var watch = Stopwatch.StartNew();
            var result = Write(letters, formats, parse.GetValue(output)!, database);
            Console.WriteLine($"{result.Written:N0} {(result.Written == 1 ? "file" : "files")} written for {letters.Count:N0} {(letters.Count == 1 ? "letter" : "letters")} of {financialYear} in {watch.Elapsed.TotalSeconds:F2} s"
                + (formats.Contains("pdf") ? $" ({result.PdfsReused:N0} PDFs unchanged since their last rendering)" : "")
                + $" into {Path.GetFullPath(parse.GetValue(output)!)}");
            if (result.ChangedSinceApproval.Count > 0)
                Console.WriteLine($"Changed since approval: {string.Join(", ", result.ChangedSinceApproval)}");
            foreach (var failure in result.Failures) Console.Error.WriteLine(failure);
            return result.Failures.Count == 0 ? 0 : 1;
        });
        command.Subcommands.Add(LetterReviewCommands.Switch());
        command.Subcommands.Add(LetterReviewCommands.Approve());
        command.Subcommands.Add(LetterReviewCommands.Status());
        command.Subcommands.Add(LetterSendCommand.Create());
        return command;
    }

    private static string[] Codes(string[]? options) =>
        (options ?? []).SelectMany(o => o.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToArray();

    private static LetterFilesResult Write(IReadOnlyList<ComposedLetter> letters, IReadOnlySet<string> formats, string folder, Storage.Database database)
    {
        if (Console.IsErrorRedirected)
            return LetterFiles.WriteAsync(letters, formats, folder, database.Connect).GetAwaiter().GetResult();
        LetterFilesResult? result = null;
        CommonOptions.Messages.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"Writing {letters.Count:N0} letters", maxValue: letters.Count);
                result = LetterFiles.WriteAsync(letters, formats, folder, database.Connect, done: _ => task.Increment(1))
                    .GetAwaiter().GetResult();
            });
        return result!;
    }
}
