using System.Security.Cryptography;
using System.Text;
using Upheld.Letters;
using Upheld.Storage;

namespace Upheld.Web.Letters;

/// <summary>The annual letters as the public site serves them: approved letters of published years, HTML or PDF.</summary>
/// <remarks>
/// A PDF comes from the renderings kept in the store; only a letter never printed starts the one shared browser,
/// and prints wait their turn, so a burst of requests never starts a browser per request.
/// </remarks>
public sealed class SiteLetters(Database database, TimeProvider clock) : IAsyncDisposable
{
    private readonly EditionCatalog _editions = EditionCatalog.Load();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<FinancialYear, (DateTimeOffset At, IReadOnlyDictionary<string, ComposedLetter> Letters)> _years = new();
    private readonly SemaphoreSlim _printing = new(1);
    private LetterPdf? _printer;

    /// <summary>The council's letter of the year if an edition serves the year and staff approved the letter as it stands.</summary>
    public ComposedLetter? Approved(string code, FinancialYear year) =>
        Year(year).TryGetValue(code, out var letter) && letter.Approval == ApprovalState.Approved ? letter : null;

    // A year's letters are composed together (their averages need every council) and kept as briefly as the figures.
    private IReadOnlyDictionary<string, ComposedLetter> Year(FinancialYear year)
    {
        var now = clock.GetUtcNow();
        if (_years.TryGetValue(year, out var kept) && now - kept.At < SiteData.Freshness) return kept.Letters;
        IReadOnlyDictionary<string, ComposedLetter> letters;
        if (_editions.For(year) is null) letters = new Dictionary<string, ComposedLetter>();
        else
        {
            using var connection = database.Connect();
            try
            {
                letters = YearLetters.Compose(connection, year, _editions).ToDictionary(l => l.Letter.AuthorityCode);
            }
            catch (LetterRequestException)
            {
                letters = new Dictionary<string, ComposedLetter>();
            }
        }
        _years[year] = (now, letters);
        return letters;
    }

    /// <summary>Drops the kept letters, so an approval or edit made from the staff area shows on the next request.</summary>
    public void Forget() => _years.Clear();

    public async Task<string> HtmlAsync(ComposedLetter letter)
    {
        await using var html = new LetterHtml();
        return await html.RenderAsync(letter.Letter, letter.Edition);
    }

    public async Task<byte[]> PdfAsync(ComposedLetter letter)
    {
        var page = await HtmlAsync(letter);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page)));
        using (var connection = database.Connect())
        {
            if (RenderedLetters.Find(connection, key, "pdf") is { } kept) return kept;
        }
        await _printing.WaitAsync();
        try
        {
            using var connection = database.Connect();
            if (RenderedLetters.Find(connection, key, "pdf") is { } printedMeanwhile) return printedMeanwhile;
            _printer ??= await LetterPdf.StartAsync();
            var pdf = await _printer.PrintAsync(page);
            RenderedLetters.Keep(connection, letter.Letter, key, "pdf", pdf);
            return pdf;
        }
        finally
        {
            _printing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_printer is not null) await _printer.DisposeAsync();
        _printing.Dispose();
    }
}
