using System.CommandLine;
using System.Diagnostics;
using Upheld.Authorities;

namespace Upheld.Bench;

/// <summary><c>upheld bench letters</c>: times writing every 2019-20 letter, as HTML and as HTML and PDF.</summary>
/// <remarks>
/// Each step runs as a separate <c>upheld</c> process, so the figures are what a user waits for, start-up included.
/// Targets on a 2-core machine: all letters as HTML in under 2 s; HTML and PDF together, every PDF printed afresh, in 6 s at most.
/// The third run shows PDFs reused from the store when nothing changed.
/// </remarks>
internal static class LettersBench
{
    public static Command Create(Option<string?> database)
    {
        var decisions = new Option<int>("--decisions") { Description = "How many synthetic decisions to import first", DefaultValueFactory = _ => 60_000 };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated folder, database and letters" };
        var command = new Command("letters", "Time writing all of a year's letters as HTML, then as HTML and PDF") { decisions, keep };
        command.SetAction(parse =>
        {
            var work = Directory.CreateTempSubdirectory("upheld-bench-letters-");
            var db = parse.GetValue(database) ?? Path.Combine(work.FullName, "bench.db");
            try
            {
                var year = new FinancialYear(2019);
                var folder = Path.Combine(work.FullName, "import");
                var count = parse.GetValue(decisions);
                SyntheticDataset.Write(folder, count, year, ReferenceData.Councils().Where(c => c.ExistsIn(year)).ToList());
                BenchCommand.Time("import", ["import", folder, "--db", db]);
                // Wall-clock figures mean little on a machine others are loading: say how loaded it was.
                if (File.Exists("/proc/loadavg"))
                    Console.WriteLine($"load average before the run: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
                var letters = ReferenceData.Councils().Count(c => c.ExistsIn(year));
                var html = BenchCommand.Time("letters html", ["letters", "--year", year.ToString(), "--out", Path.Combine(work.FullName, "html"), "--format", "html", "--db", db]);
                BenchCommand.Report("letters html", $"{letters:N0} letters of {year} (target: under 2 s)", html);
                var pdf = BenchCommand.Time("letters html,pdf", ["letters", "--year", year.ToString(), "--out", Path.Combine(work.FullName, "pdf"), "--format", "html,pdf", "--db", db]);
                BenchCommand.Report("letters html,pdf", $"{letters:N0} letters, every PDF printed afresh (target: at most 6 s)", pdf);
                var again = BenchCommand.Time("letters again", ["letters", "--year", year.ToString(), "--out", Path.Combine(work.FullName, "pdf"), "--format", "html,pdf", "--db", db]);
                BenchCommand.Report("letters html,pdf again", "data unchanged: every PDF reused from the store", again);
                return 0;
            }
            finally
            {
                if (parse.GetValue(keep)) Console.WriteLine($"kept {work.FullName}");
                else work.Delete(recursive: true);
            }
        });
        return command;
    }
}
