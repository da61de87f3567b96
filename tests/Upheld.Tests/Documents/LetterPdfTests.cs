using System.Text.RegularExpressions;
using Upheld.Documents;

using Upheld.Tests.Letters;

namespace Upheld.Tests.Documents;

/// <summary>The five 2020 letters printed once, all at once (over every browser and tab the printer has), shared by the PDF tests.</summary>
public sealed class PrintedLetters : IAsyncLifetime
{
    public Dictionary<string, byte[]> Pdfs { get; } = [];
    public Dictionary<string, string> Names { get; } = [];
    public Dictionary<string, string> SignatureDescriptions { get; } = [];

    /// <summary>A letter printed after the browser that printed the others crashed.</summary>
    public byte[] AfterCrash { get; private set; } = [];

    public const string AfterCrashCouncil = "E10000003";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Environment.GetEnvironmentVariable("UPHELD_CHROMIUM") ?? LetterPdf.DefaultChromium)) return;
        using var scenario = new LetterScenario();
        await using var pdf = await LetterPdf.StartAsync();
        foreach (var (code, _) in Letters2020Folder.Councils)
        {
            var letter = scenario.Compose(code).Letter;
            Names[code] = letter.AuthorityName;
            SignatureDescriptions[code] = letter.Signatory.ImageDescription;
        }
        await Task.WhenAll(Letters2020Folder.Councils.Select(async c =>
        {
            var bytes = await pdf.PrintAsync(await scenario.HtmlAsync(c.Code));
            lock (Pdfs) Pdfs[c.Code] = bytes;
        }));
        // Every tab of the first browser is now on a browser that has gone: the printer must start another and print there.
        await pdf.CrashAsync(0);
        AfterCrash = await pdf.PrintAsync(await scenario.HtmlAsync(AfterCrashCouncil));
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

    /// <summary>
    /// The tags are the letter's structure, not just a flag: its title a first-level heading, its sections second-level
    /// headings, the signature a figure described in words. Chromium writes the structure elements uncompressed.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Councils))]
    public void The_pdf_tags_the_title_the_headings_and_the_signature_with_its_description(string code, string file)
    {
        PdfTools.Require();
        _ = file;
        var pdf = System.Text.Encoding.Latin1.GetString(printed.Pdfs[code]);

        Assert.Single(Regex.Matches(pdf, @"/S /H1\b"));
        Assert.NotEmpty(Regex.Matches(pdf, @"/S /H2\b"));
        Assert.Single(Regex.Matches(pdf, @"/S /Figure\b"));
        Assert.Contains($"/Alt ({printed.SignatureDescriptions[code]})", pdf);
    }

    [SkippableFact]
    public void A_letter_printed_after_its_browser_crashed_is_its_own_councils_letter()
    {
        PdfTools.Require();
        var code = PrintedLetters.AfterCrashCouncil;
        var text = LetterText.Flat(PdfTools.Text(printed.AfterCrash));

        Assert.Contains(printed.Names[code], text);
        foreach (var line in LetterText.PercentageLines(Letters2020Folder.RealLetter(Letters2020Folder.Councils.Single(c => c.Code == code).File)))
            Assert.Contains(line, text);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)] // one browser's renderer does about a third of the work: two processors share one browser
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 2)]
    [InlineData(64, 4)]
    public void There_is_a_browser_per_three_processors_and_at_most_four(int processors, int browsers) =>
        Assert.Equal(browsers, LetterPdf.DefaultBrowsers(processors));
}
