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

    /// <summary>The same five letters printed together as one document and cut apart, and the titles they should carry.</summary>
    public Dictionary<string, byte[]> Together { get; } = [];
    public Dictionary<string, string> Titles { get; } = [];

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
            Titles[code] = $"{letter.Title}: {letter.AuthorityName}";
            SignatureDescriptions[code] = letter.Signatory.ImageDescription;
        }
        await Task.WhenAll(Letters2020Folder.Councils.Select(async c =>
        {
            var bytes = await pdf.PrintAsync(await scenario.HtmlAsync(c.Code));
            lock (Pdfs) Pdfs[c.Code] = bytes;
        }));
        var codes = Letters2020Folder.Councils.Select(c => c.Code).ToList();
        var together = await pdf.PrintTogetherAsync(await Task.WhenAll(codes.Select(c => scenario.HtmlAsync(c))))
            ?? throw new InvalidOperationException("the five letters were not printed together");
        for (var i = 0; i < codes.Count; i++) Together[codes[i]] = together[i];
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

    /// <summary>
    /// Printed together and cut apart, a letter is the letter printed alone: the same words, the same tags with the same
    /// text (only the object numbers of its links differ), the same pages, outline and language, and its own title.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Councils))]
    public void A_letter_printed_together_with_others_is_the_same_tagged_letter_as_printed_alone(string code, string file)
    {
        PdfTools.Require();
        _ = file;
        var alone = printed.Pdfs[code];
        var together = printed.Together[code];

        Assert.Equal(PdfTools.Text(alone), PdfTools.Text(together));
        Assert.Equal(Structure(alone), Structure(together));
        Assert.Equal(Outline(alone), Outline(together));
        Assert.Contains("Annual Review letter 2020", Outline(together));
        Assert.Equal(Info(alone, "Pages"), Info(together, "Pages"));
        Assert.Equal("yes", Info(together, "Tagged"));
        Assert.Equal(printed.Titles[code], Info(together, "Title"));
        Assert.Matches(@"/Lang \(en-GB\)", System.Text.Encoding.Latin1.GetString(together));
    }

    [SkippableTheory]
    [MemberData(nameof(Councils))]
    public void A_letter_printed_together_with_others_holds_nothing_of_theirs(string code, string file)
    {
        PdfTools.Require();
        _ = file;
        var text = LetterText.Flat(PdfTools.Text(printed.Together[code]));
        var bytes = System.Text.Encoding.Latin1.GetString(printed.Together[code]);

        Assert.Contains(printed.Names[code], text);
        Assert.All(printed.Names.Where(n => n.Key != code), other =>
        {
            Assert.DoesNotContain(other.Value, text);
            Assert.DoesNotContain(other.Value, bytes);
        });
    }

    [SkippableFact]
    public void A_pdf_that_is_not_of_letters_printed_together_is_not_cut_apart()
    {
        PdfTools.Require();

        Assert.Throws<InvalidDataException>(() => LetterPdfSplit.Split(printed.Pdfs["E10000003"], ["one", "two"]));
    }

    [Fact]
    public void Letters_share_a_print_only_when_their_heads_differ_in_nothing_but_the_title()
    {
        static string Letter(string title, string style, string body) =>
            $"<!DOCTYPE html><html lang=\"en-GB\"><head><title>{title}</title><style>{style}</style></head><body>{body}</body></html>";

        var together = LetterPdf.Together([Letter("One", "p{}", "<p>first</p>"), Letter("Two", "p{}", "<p>second</p>")]);

        Assert.NotNull(together);
        Assert.Equal(2, Regex.Matches(together, "<article class=\"letter-printed-together\">").Count);
        Assert.True(together.IndexOf("first", StringComparison.Ordinal) < together.IndexOf("second", StringComparison.Ordinal));
        // A marked letter's notice is a page rule of its head: it would print on the other letter's pages.
        Assert.Null(LetterPdf.Together([Letter("One", "p{}", "<p>first</p>"), Letter("Two", "@page { @top-center { content: \"DRAFT\" } }", "<p>second</p>")]));
    }

    private static string Structure(byte[] pdf) =>
        Regex.Replace(WithFile(pdf, path => PdfTools.Run("pdfinfo", "-struct-text", path)), @"Object \d+ 0", "Object");

    private static string Info(byte[] pdf, string field) =>
        Regex.Match(WithFile(pdf, path => PdfTools.Run("pdfinfo", path)), $@"^{field}:\s+(.*)$", RegexOptions.Multiline).Groups[1].Value;

    /// <summary>
    /// The outline's entries, each its title and where on its page it leads (to a hundredth of a point: further down a
    /// document of several letters the same place comes out a ten-thousandth different), sorted. Chromium writes them
    /// uncompressed.
    /// </summary>
    private static string Outline(byte[] pdf) =>
        string.Join(" | ", Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"<</Title \(([^\n]*)\)\n/Dest \[\d+ 0 R /XYZ ([\d.]+) ([\d.]+) 0\]")
            .Select(m => $"{m.Groups[1].Value} {Point(m.Groups[2].Value):F2} {Point(m.Groups[3].Value):F2}").Order(StringComparer.Ordinal));

    private static double Point(string number) => double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);

    private static string WithFile(byte[] pdf, Func<string, string> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"upheld-struct-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return read(path);
        }
        finally
        {
            File.Delete(path);
        }
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
