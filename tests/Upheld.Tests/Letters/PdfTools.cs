using System.Diagnostics;
using Upheld.Documents;

namespace Upheld.Tests.Letters;

/// <summary>Chromium to print and poppler's pdftotext to read back; missing tools skip the test outside CI and fail it in CI.</summary>
public static class PdfTools
{
    public const string PdfToText = "/usr/bin/pdftotext";

    public static void Require()
    {
        var chromium = Environment.GetEnvironmentVariable("UPHELD_CHROMIUM") ?? LetterPdf.DefaultChromium;
        var missing = new[] { chromium, PdfToText }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count == 0) return;
        var message = $"PDF tests need {string.Join(" and ", missing)} (./test installs chromium and poppler-utils)";
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
        Skip.If(true, message);
    }

    /// <summary>The text of a PDF as <c>pdftotext -enc UTF-8</c> gives it.</summary>
    public static string Text(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"upheld-letter-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(PdfToText) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-enc", "UTF-8", path, "-" }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs a poppler tool such as pdfinfo and returns its output.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
