using Upheld.Import;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;
using Upheld.Documents;

namespace Upheld.Tests.Letters;

/// <summary>A store holding the five councils' 2019-20 data as the real letters describe it, Worcestershire's late-remedies paragraph switched off.</summary>
public sealed class LetterScenario : IDisposable
{
    public static readonly FinancialYear Year = new(2019);
    private readonly TestDatabase _store;

    public LetterScenario(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _store = TestDatabase.Create(provider);
        Import(Letters2020Folder.Create());
        using var connection = Database.Connect();
        // Worcestershire's staff switched this paragraph off: their commentary says it instead.
        LetterReview.Switch(connection, "E10000034", Year, DataParagraphs.LateRemedies, on: false);
    }

    public Database Database => _store.Database;

    public void Import(ImportFolder folder)
    {
        using (folder)
        {
            var result = new Importer(Database).Import(folder.Path);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        }
    }

    public ComposedLetter Compose(string code, FinancialYear? year = null)
    {
        using var connection = Database.Connect();
        return YearLetters.Compose(connection, year ?? Year, EditionCatalog.Load(), code).Single();
    }

    public async Task<string> HtmlAsync(string code, FinancialYear? year = null)
    {
        var composed = Compose(code, year);
        await using var html = new LetterHtml();
        return await html.RenderAsync(composed.Letter, composed.Edition);
    }

    public void Dispose() => _store.Dispose();
}
