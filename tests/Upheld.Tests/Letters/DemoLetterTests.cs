using Upheld.Letters;
using Upheld.Tests.Storage;
using Upheld.Documents;

namespace Upheld.Tests.Letters;

/// <summary>The demonstration dataset writes the five real letters word for word, and marks its synthetic councils' letters.</summary>
public sealed class DemoLetterTests : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private readonly TestDatabase _store = Upheld.Tests.Demo.DemoDatabase.Copy();

    [Fact]
    public async Task The_demonstration_dataset_writes_the_five_real_letters()
    {
        using var connection = _store.Database.Connect();
        // As Worcestershire's staff did: their commentary covers the late remedies.
        LetterReview.Switch(connection, "E10000034", Year, DataParagraphs.LateRemedies, on: false);
        var letters = YearLetters.Compose(connection, Year, EditionCatalog.Load()).ToDictionary(l => l.Letter.AuthorityCode);
        await using var html = new LetterHtml();

        foreach (var (code, file) in Letters2020Folder.Councils)
        {
            var text = LetterText.Html(await html.RenderAsync(letters[code].Letter, letters[code].Edition));
            LetterText.AssertSameWords(LetterText.RealLetter(Letters2020Folder.RealLetter(file)), text);
            Assert.Empty(letters[code].Letter.Notices);
        }
        Assert.Contains(letters["E06000001"].Letter.Notices, n => n.StartsWith("Demonstration data", StringComparison.Ordinal));
    }

    public void Dispose() => _store.Dispose();
}
