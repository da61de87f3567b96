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
    public static Upheld.Accounts.Actor Actor => Upheld.Accounts.Actor.CommandLine(Environment.UserName);

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>
    /// Whether the year has councils to report on: inside the reference data's years, or with figures stored for it.
    /// Outside both, every council would show zeros as if it had no complaints, so the command says so and fails.
    /// </summary>
    public static bool HasCouncils(Database database, FinancialYear year)
    {
        if (year >= Authorities.ReferenceData.FirstYear && year <= Authorities.ReferenceData.LastYear) return true;
        using var connection = database.Connect();
        if (Dapper.SqlMapper.ExecuteScalar<long>(connection,
                """
                SELECT (SELECT COUNT(*) FROM decisions WHERE year = @year) + (SELECT COUNT(*) FROM received WHERE year = @year)
                     + (SELECT COUNT(*) FROM compliance WHERE year = @year) + (SELECT COUNT(*) FROM counts WHERE year = @year)
                """, new { year = year.StartYear }) > 0) return true;
        Console.Error.WriteLine($"--year: no council exists in {year} in the reference data ({Authorities.ReferenceData.FirstYear} to " +
            $"{Authorities.ReferenceData.LastYear}), and nothing is stored for it");
        return false;
    }

    public static bool TryYear(string text, out FinancialYear year)
    {
        year = default;
        if (!FinancialYear.TryParse(text, out var parsed))
        {
            Console.Error.WriteLine($"--year: '{text}' is not a financial year written like 2019-20, {FinancialYear.RangeText}");
            return false;
        }
        year = parsed.Value;
        return true;
    }
}
