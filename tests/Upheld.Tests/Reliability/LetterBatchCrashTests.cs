using System.Text;
using Dapper;
using Upheld.Tests.Cli;
using Upheld.Tests.Letters;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Reliability;

/// <summary>SIGKILL in the middle of a letter batch: every kept rendering and every letter file is whole, and the same
/// batch then completes, reusing what was kept.</summary>
public sealed class LetterBatchCrashTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"upheld-killed-letters-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [SkippableFact]
    public void A_letter_batch_killed_midway_keeps_only_whole_renderings_and_a_rerun_completes()
    {
        PdfTools.Require();
        using var store = TestDatabase.Sqlite();
        using (var folder = Letters2020Folder.Create()) Assert.True(new Upheld.Import.Importer(store.Database).Import(folder.Path).Succeeded);
        // Twelve letters: enough to kill the batch after three are printed and leave most still to print.
        const string councils = "E10000003,E10000034,E07000156,E06000017,E07000192,E10000006,E07000008,E06000001,E06000002,E06000003,E06000004,E06000005";
        string[] batch = ["letters", "--year", "2019-20", "--authority", councils, "--out", _out, "--format", "html,pdf", "--db", store.Database.Description];

        int keptWhenKilled;
        using (var letters = KilledProcess.Start(batch))
            Assert.True(letters.KillWhen(() => Kept(store) >= 3, TimeSpan.FromMinutes(3)), "the batch ended before three PDFs were kept");
        keptWhenKilled = Kept(store);
        using (var connection = store.Database.Connect())
        {
            Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
            var renders = connection.Query<(string Code, int Year, string Format, byte[] Body)>("SELECT authority_code, year, format, body FROM letter_renders").ToList();
            Assert.All(renders, r => Assert.True(IsWholePdf(r.Body), $"the kept PDF of {r.Code} is not whole"));
            Assert.Equal(renders.Count, renders.Select(r => (r.Code, r.Year, r.Format)).Distinct().Count());
        }
        Assert.All(Directory.GetFiles(_out, "*.pdf"), f => Assert.True(IsWholePdf(File.ReadAllBytes(f)), $"{f} is not whole"));

        var rerun = CliRun.Of(TimeSpan.FromMinutes(10), batch);

        Assert.True(rerun.ExitCode == 0, $"exit code {rerun.ExitCode}: {rerun.Errors}");
        var pdfs = Directory.GetFiles(_out, "*.pdf");
        Assert.Equal(Directory.GetFiles(_out, "*.html").Length, pdfs.Length);
        Assert.All(pdfs, f => Assert.True(IsWholePdf(File.ReadAllBytes(f)), $"{f} is not whole"));
        Assert.Empty(Directory.GetFiles(_out, "*.tmp")); // the killed run's half-written files are cleared away
        Assert.Matches(@"\(([0-9,]+) PDFs unchanged", rerun.Output);
        var reused = int.Parse(System.Text.RegularExpressions.Regex.Match(rerun.Output, @"\(([0-9,]+) PDFs unchanged").Groups[1].Value.Replace(",", ""));
        Assert.True(reused >= keptWhenKilled, $"the rerun printed only {reused} PDFs again; {keptWhenKilled} were kept");
        Assert.Equal(pdfs.Length, Kept(store));
    }

    private static int Kept(TestDatabase store)
    {
        using var connection = store.Database.Connect();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM letter_renders WHERE format = 'pdf'");
    }

    private static bool IsWholePdf(byte[] bytes) =>
        bytes.AsSpan().StartsWith("%PDF-"u8) && Encoding.ASCII.GetString(bytes[^Math.Min(32, bytes.Length)..]).TrimEnd().EndsWith("%%EOF", StringComparison.Ordinal);
}
