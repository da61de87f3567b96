using Upheld.Tests.Letters;

namespace Upheld.Tests.Documents;

/// <summary>The HTML of each of the five 2020 letters reads as the real letter, word for word and in order.</summary>
public sealed class LetterHtmlTests : IDisposable
{
    private readonly LetterScenario _scenario = new();

    public static TheoryData<string, string> Councils()
    {
        var data = new TheoryData<string, string>();
        foreach (var (code, file) in Letters2020Folder.Councils) data.Add(code, file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Councils))]
    public async Task The_html_has_the_real_letters_words_in_order(string code, string file)
    {
        var text = LetterText.Html(await _scenario.HtmlAsync(code));

        LetterText.AssertSameWords(LetterText.RealLetter(Letters2020Folder.RealLetter(file)), text);
    }

    [Theory]
    [MemberData(nameof(Councils))]
    public async Task Every_line_with_a_percentage_appears_verbatim_in_the_html(string code, string file)
    {
        var text = LetterText.Flat(LetterText.Html(await _scenario.HtmlAsync(code)));

        foreach (var line in LetterText.PercentageLines(Letters2020Folder.RealLetter(file)))
            Assert.Contains(line, text);
    }

    [Fact]
    public async Task The_signature_is_an_image_with_a_text_alternative_and_no_imitation()
    {
        var html = await _scenario.HtmlAsync("E10000003");

        Assert.Contains("<img class=\"signature\" src=\"data:image/svg&#x2B;xml;base64,", html);
        Assert.Contains("alt=\"Signature placeholder: a plain line, not the signatory&#x27;s signature\"", html);
    }

    public void Dispose() => _scenario.Dispose();
}
