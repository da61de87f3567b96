using Upheld.Documents;

using Upheld.Tests.Letters;

namespace Upheld.Tests.Documents;

/// <summary>The five 2020 letters printed once, all at once (over every browser and tab the printer has), shared by the PDF tests.</summary>
public sealed class PrintedLetters : IAsyncLifetime
{
    public Dictionary<string, byte[]> Pdfs { get; } = [];
    public Dictionary<string, string> Names { get; } = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(Environment.GetEnvironmentVariable("UPHELD_CHROMIUM") ?? LetterPdf.DefaultChromium)) return;
        using var scenario = new LetterScenario();
        await using var pdf = await LetterPdf.StartAsync();
        foreach (var (code, _) in Letters2020Folder.Councils) Names[code] = scenario.Compose(code).Letter.AuthorityName;
        await Task.WhenAll(Letters2020Folder.Councils.Select(async c =>
        {
            var bytes = await pdf.PrintAsync(await scenario.HtmlAsync(c.Code));
            lock (Pdfs) Pdfs[c.Code] = bytes;
        }));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The PDF of each of the five 2020 letters reads, through pdftotext, as the real letter.</summary>
public sealed class LetterPdfTests(PrintedLetters printed) : IClassFixture<PrintedLetters>
{
    public static TheoryData<string, string> Councils() => LetterHtmlTests.Councils();

    [SkippableTheory]
    [MemberData(nameof(Councils))]
    public void The_pdf_has_the_real_letters_words_in_order(string code, string file)
    {
        PdfTools.Require();

        LetterText.AssertSameWords(LetterText.RealLetter(Letters2020Folder.RealLetter(file)), PdfTools.Text(printed.Pdfs[code]));
    }

    [SkippableTheory]
    [MemberData(nameof(Councils))]
    public void Every_line_with_a_percentage_appears_verbatim_in_the_pdf(string code, string file)
    {
        PdfTools.Require();
        var text = LetterText.Flat(PdfTools.Text(printed.Pdfs[code]));

        foreach (var line in LetterText.PercentageLines(Letters2020Folder.RealLetter(file)))
            Assert.Contains(line, text);
    }

    /// <summary>Five letters printed at once go through different browsers and tabs: each PDF must still be the letter of its own council.</summary>
    [SkippableTheory]
    [MemberData(nameof(Councils))]
    public void A_pdf_printed_beside_others_names_its_own_council_and_no_other(string code, string file)
    {
        PdfTools.Require();
        var text = LetterText.Flat(PdfTools.Text(printed.Pdfs[code]));

        Assert.Contains(printed.Names[code], text);
        Assert.Contains(LetterText.PercentageLines(Letters2020Folder.RealLetter(file)).First(), text);
        Assert.All(printed.Names.Where(n => n.Key != code), other => Assert.DoesNotContain(other.Value, text));
    }

    [SkippableFact]
    public void The_pdf_is_a4_and_tagged()
    {
        PdfTools.Require();
        var path = Path.Combine(Path.GetTempPath(), $"upheld-info-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, printed.Pdfs["E10000003"]);
        var info = PdfTools.Run("pdfinfo", path);
        File.Delete(path);

        Assert.Contains("(A4)", info);
        Assert.Matches(@"Tagged:\s+yes", info);
    }
}
