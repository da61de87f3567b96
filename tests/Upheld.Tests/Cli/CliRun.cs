using System.Diagnostics;

namespace Upheld.Tests.Cli;

/// <summary>Runs the real command-line program in a child process, as a user would, and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public static CliRun Of(params string[] arguments) => WithInput("", arguments);

    /// <summary>Runs the program with <paramref name="input"/> on its standard input, as a pipe gives it.</summary>
    public static CliRun WithInput(string input, params string[] arguments) => Run(input, TimeSpan.FromMinutes(2), arguments);

    /// <summary>Runs a long command (a whole letter batch with PDFs) that may need more than the usual two minutes on a busy machine.</summary>
    public static CliRun Of(TimeSpan timeout, params string[] arguments) => Run("", timeout, arguments);

    /// <summary>Runs the program with these environment variables set, or removed where the value is null.</summary>
    public static CliRun WithEnvironment(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Run("", TimeSpan.FromMinutes(2), arguments, environment);

    /// <summary>Approves a letter as a person does: shows it with <c>letters approve</c>, then approves the hash shown.</summary>
    public static CliRun ApproveLetter(string year, string authority, string db)
    {
        var shown = Of("letters", "approve", "--year", year, "--authority", authority, "--db", db);
        var hash = System.Text.RegularExpressions.Regex.Match(shown.Output, "--hash ([0-9a-f]{64})");
        Assert.True(hash.Success, $"letters approve showed no hash:\n{shown.Output}{shown.Errors}");
        return Of("letters", "approve", "--year", year, "--authority", authority, "--hash", hash.Groups[1].Value, "--db", db);
    }

    private static CliRun Run(string input, TimeSpan timeout, string[] arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Upheld.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout)) process.Kill(entireProcessTree: true);
        return new CliRun(process.ExitCode, output.Result, errors.Result);
    }
}
