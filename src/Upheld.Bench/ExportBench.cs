using System.CommandLine;

namespace Upheld.Bench;

/// <summary><c>upheld bench export</c>: times the static export of the demonstration dataset, first printing every letter, then again into the same folder.</summary>
/// <remarks>
/// Each step runs as a separate <c>upheld</c> process, as a user runs it. The first export prints each approved letter's
/// PDF once through Chromium and keeps it; the second, into the same folder, finds every PDF kept and every file's bytes
/// unchanged, which is the export's usual cost. Target on a 2-core machine: that second export in 10 s at most.
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
                var site = Path.Combine(work.FullName, "first");
                // The newest file of the first export: a file of the second export modified later was rewritten.
                var before = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Max(File.GetLastWriteTimeUtc);
                var again = BenchCommand.Time("export (again)", ["export", "--out", site, "--db", db]);
                BenchCommand.Report("export again, PDFs kept", "into the same folder, every PDF already printed (target: at most 10 s)", again);
                var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToList();
                Console.WriteLine($"{files.Count:N0} files, {files.Sum(f => new FileInfo(f).Length) / 1048576.0:F1} MB, " +
                    $"{files.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)):N0} letter PDFs; " +
                    $"{files.Count(f => File.GetLastWriteTimeUtc(f) > before):N0} files rewritten by the second export");
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
