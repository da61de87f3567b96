using System.CommandLine;

namespace Upheld.Bench;

/// <summary><c>upheld bench export</c>: times the static export of the demonstration dataset, first printing every letter, then with every PDF kept.</summary>
/// <remarks>
/// Each step runs as a separate <c>upheld</c> process, as a user runs it. The first export prints each approved letter's
/// PDF once through Chromium and keeps it; the second finds every PDF kept, which is the export's usual cost.
/// Target on a 2-core machine: the export with PDFs already rendered in under 60 s.
/// </remarks>
internal static class ExportBench
{
    public static Command Create(Option<string?> database)
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the database and the exported site" };
        var command = new Command("export", "Time upheld export of the demonstration data, with and without the letters' PDFs rendered") { keep };
        command.SetAction(parse =>
        {
            var work = Directory.CreateTempSubdirectory("upheld-bench-export-");
            var db = parse.GetValue(database) ?? Path.Combine(work.FullName, "bench.db");
            try
            {
                var demo = BenchCommand.Time("demo", ["demo", "--db", db]);
                BenchCommand.Report("demo", "the demonstration dataset, seven years published", demo);
                LoadAverage("before the first export");
                var first = BenchCommand.Time("export (first)", ["export", "--out", Path.Combine(work.FullName, "first"), "--db", db]);
                BenchCommand.Report("export, printing PDFs", "every page, download and letter; each approved letter printed once", first);
                LoadAverage("before the second export");
                var again = BenchCommand.Time("export (again)", ["export", "--out", Path.Combine(work.FullName, "again"), "--db", db]);
                BenchCommand.Report("export, PDFs kept", "the same with every letter's PDF already rendered (target: under 60 s)", again);
                var files = Directory.EnumerateFiles(Path.Combine(work.FullName, "again"), "*", SearchOption.AllDirectories).ToList();
                Console.WriteLine($"{files.Count:N0} files, {files.Sum(f => new FileInfo(f).Length) / 1048576.0:F1} MB, " +
                    $"{files.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)):N0} letter PDFs");
                LoadAverage("after the run");
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

    // Wall-clock figures mean little on a machine others are loading: say how loaded it was.
    private static void LoadAverage(string when)
    {
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"load average {when}: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
    }
}
