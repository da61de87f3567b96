using Upheld.Letters;
using Upheld.Tests.Import;
using Upheld.Documents;

using Upheld.Tests.Letters;

namespace Upheld.Tests.Documents;

/// <summary>Writing PDFs: printed once and reused until the letter changes; a failed print names the council.</summary>
public sealed class LetterFilesTests : IDisposable
{
    private static readonly HashSet<string> Both = ["html", "pdf"];
    private readonly LetterScenario _scenario = new();
    private readonly string _out = Directory.CreateTempSubdirectory("upheld-letter-files-").FullName;

    private IReadOnlyList<ComposedLetter> Rutland() => [_scenario.Compose("E06000017")];

    [SkippableFact]
    public async Task A_pdf_is_printed_once_and_printed_again_when_its_data_changes()
    {
        PdfTools.Require();

        var first = await LetterFiles.WriteAsync(Rutland(), Both, _out, _scenario.Database.Connect);
        var second = await LetterFiles.WriteAsync(Rutland(), Both, _out, _scenario.Database.Connect);
        _scenario.Import(new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority", "R-2,E06000017,2019-05-01,not_upheld,"));
        var third = await LetterFiles.WriteAsync(Rutland(), Both, _out, _scenario.Database.Connect);

        Assert.Equal((2, 0), (first.Written, first.PdfsReused));
        Assert.Equal((2, 1), (second.Written, second.PdfsReused));
        Assert.Equal((2, 0), (third.Written, third.PdfsReused));
        var pdf = Path.Combine(_out, "E06000017-rutland-2019-20-letter.pdf");
        Assert.Contains("a total of 2 detailed investigations", LetterText.Flat(PdfTools.Text(File.ReadAllBytes(pdf))));
    }

    [Fact]
    public async Task A_failed_pdf_names_the_council_and_the_other_files_are_written()
    {
        var letters = new[] { "E06000017", "E07000156" }.Select(c => _scenario.Compose(c)).ToList();

        var result = await LetterFiles.WriteAsync(letters, Both, _out, _scenario.Database.Connect,
            startPdf: () => LetterPdf.StartAsync(chromium: "/nonexistent/chromium"));

        Assert.Equal(2, result.Written);
        Assert.Collection(result.Failures,
            f => Assert.StartsWith("E06000017 Rutland: the PDF failed: Chromium was not found", f),
            f => Assert.StartsWith("E07000156 Wellingborough: the PDF failed", f));
        Assert.True(File.Exists(Path.Combine(_out, "E07000156-wellingborough-2019-20-letter.html")));
    }

    public void Dispose()
    {
        _scenario.Dispose();
        Directory.Delete(_out, recursive: true);
    }
}
