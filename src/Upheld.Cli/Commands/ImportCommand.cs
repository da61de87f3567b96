using System.CommandLine;
using Spectre.Console;
using Upheld.Import;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld import FOLDER [--replace] [--reason TEXT] [--correction]</c>: imports a folder of open-data CSV files, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder holding any of: " + string.Join(", ", Importer.Files) };
        var replace = new Option<bool>("--replace") { Description = "Replace stored rows whose key matches but whose values differ" };
        var reason = new Option<string?>("--reason") { Description = "Why: recorded with the new version of any published year the import changes" };
        var correction = new Option<bool>("--correction") { Description = "The change corrects an error (without it, a change to a published year is a revision from new information)" };
        var command = new Command("import", "Import a folder of CSV files (all or nothing)") { folder, replace, reason, correction };
        command.SetAction(parse =>
        {
            var database = CommonOptions.OpenDatabase(parse);
            var path = parse.GetValue(folder)!;
            var replacing = parse.GetValue(replace);
            var why = parse.GetValue(reason) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
            var note = why is null && !parse.GetValue(correction) ? null : new Upheld.Publishing.RevisionNote(why, parse.GetValue(correction));
            var result = Run(database, path, replacing, note);
            if (!result.Succeeded)
            {
                foreach (var line in result.Problems.Lines()) Console.Error.WriteLine(line);
                Console.Error.WriteLine($"Import refused: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} found; nothing was changed.");
                return 1;
            }
            foreach (var file in result.Files)
            {
                Console.WriteLine($"{file.File}: {file.Rows:N0} rows: {file.Added:N0} added, {file.Unchanged:N0} unchanged, {file.Replaced:N0} replaced");
            }
            return 0;
        });
        return command;
    }

    private static ImportResult Run(Upheld.Storage.Database database, string folder, bool replace, Upheld.Publishing.RevisionNote? note)
    {
        if (Console.IsErrorRedirected) return ImportData.Folder(database, folder, replace, CommonOptions.Actor, TimeProvider.System, note: note);
        ImportResult? result = null;
        CommonOptions.Messages.Status().Start("Importing", context =>
        {
            result = ImportData.Folder(database, folder, replace, CommonOptions.Actor, TimeProvider.System, new SynchronousProgress<ImportProgress>(p => context.Status(
                $"Importing {p.File} ({p.FileNumber} of {p.TotalFiles}): {p.Rows:N0} rows read")), note);
        });
        return result!;
    }
}

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
