using System.CommandLine;
using Spectre.Console;
using Upheld.Storage;

namespace Upheld.Cli.Commands;

/// <summary>Options and helpers shared by every command.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"Database: a PostgreSQL connection string (Host=…;Database=…;Username=…) or an SQLite file path (default: {Storage.Database.DefaultFile})",
        Recursive = true,
    };

    public static Option<string> Year() => new("--year")
    {
        Description = "Financial year, written like 2019-20",
        Required = true,
    };

    public static Database OpenDatabase(ParseResult parse)
    {
        var database = Storage.Database.FromOption(parse.GetValue(Database));
        database.Migrate();
        return database;
    }

    /// <summary>Messages and progress go to standard error so that standard output holds only data.</summary>
    public static readonly IAnsiConsole Messages = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>Who the audit log names for a change made from the command line: the operating-system user, as <c>cli:root</c>.</summary>
    public static string Actor => Upheld.Accounts.Audits.CommandLine(Environment.UserName);

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    public static bool TryYear(string text, out FinancialYear year)
    {
        year = default;
        if (!FinancialYear.TryParse(text, out var parsed))
        {
            Console.Error.WriteLine($"--year: '{text}' is not a financial year written like 2019-20");
            return false;
        }
        year = parsed.Value;
        return true;
    }
}
