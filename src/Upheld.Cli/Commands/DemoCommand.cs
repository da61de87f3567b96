using System.CommandLine;
using Upheld.Demo;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld demo [--export DIR]</c>: loads the demonstration dataset, or writes it as an import folder.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var export = new Option<string?>("--export") { Description = "Only write the dataset as an import folder in DIR; the database is not touched" };
        var command = new Command("demo", "Load the demonstration dataset: every English council, 2018-19 to 2025-26, published at its dates") { export };
        command.SetAction(parse =>
        {
            if (parse.GetValue(export) is { } folder)
            {
                DemoDataset.Export(folder);
                Console.WriteLine($"Wrote the demonstration dataset to {folder}.");
                return 0;
            }
            var database = CommonOptions.OpenDatabase(parse);
            var result = DemoDataset.Load(database, CommonOptions.Actor);
            if (!result.Succeeded)
            {
                foreach (var line in result.Problems.Lines()) Console.Error.WriteLine(line);
                return CommonOptions.Fail("demo: the demonstration dataset could not be imported; nothing was changed.");
            }
            foreach (var file in result.Files) Console.WriteLine($"{file.File}: {file.Rows:N0} rows: {file.Added:N0} added, {file.Unchanged:N0} unchanged");
            foreach (var year in DemoYears.All) Console.WriteLine($"{year.Year} published at {year.PublishedAt:yyyy-MM-dd HH:mm zzz}.");
            Console.WriteLine($"Demonstration data loaded into {database.Description}: every figure is synthetic except the five councils of the 2020 letters in 2019-20.");
            return 0;
        });
        return command;
    }
}
