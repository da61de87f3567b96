using System.Security.Cryptography;
using System.Text;
using Upheld.Documents;
using Upheld.Letters;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Web.Letters;

/// <summary>The annual letters as the public site serves them: approved letters of published years, HTML or PDF.</summary>
/// <remarks>
/// A PDF comes from the renderings kept in the store; only a letter never printed starts the one shared browser,
/// and prints wait their turn, so a burst of requests never starts a browser per request.
/// </remarks>
/// <param name="keptFor">How long a year's letters are kept, <see cref="SiteData.Freshness"/> unless told (see <see cref="SiteData"/>).</param>
public sealed class SiteLetters(Database database, TimeProvider clock, TimeSpan? keptFor = null) : IAsyncDisposable
{
    private readonly EditionCatalog _editions = EditionCatalog.Load();
    private readonly ShortLivedCache _kept = new(keptFor ?? SiteData.Freshness);
    private readonly SemaphoreSlim _printing = new(1);
    private LetterPdf? _printer;

    /// <summary>The council's letter of the year as published (kept in the year's snapshot), else the letter staff approved as it stands.</summary>
    /// <remarks>A letter is frozen once its year is public (see <see cref="PublishedSnapshots"/>): later changes to the data do not alter it.</remarks>
    public ComposedLetter? Approved(string code, FinancialYear year) =>
        Frozen(year).TryGetValue(code, out var published) ? published.Composed
        : Year(year).TryGetValue(code, out var letter) && letter.Approval == ApprovalState.Approved ? letter : null;

    /// <summary>True when the council's published letter would read differently if composed from the data now.</summary>
    public bool IsRevisedSincePublication(string code, FinancialYear year) =>
        Frozen(year).TryGetValue(code, out var published) && Year(year).TryGetValue(code, out var now) && now.ContentHash != published.Composed.ContentHash;

    private sealed record FrozenLetter(ComposedLetter Composed, string? Html);

    private IReadOnlyDictionary<string, FrozenLetter> Frozen(FinancialYear year) =>
        _kept.Get<IReadOnlyDictionary<string, FrozenLetter>>($"published:{year}", clock.GetUtcNow(), () =>
        {
            if (_editions.For(year) is not { } edition) return new Dictionary<string, FrozenLetter>();
            using var connection = database.Connect();
            return PublishedFigures.Letters(connection, year).ToDictionary(l => l.Key,
                l => new FrozenLetter(new ComposedLetter(l.Value.Letter, edition, l.Value.ContentHash, ApprovalState.Approved), l.Value.Html));
        });

    // A year's letters are composed together (their averages need every council) and kept as briefly as the figures.
    private IReadOnlyDictionary<string, ComposedLetter> Year(FinancialYear year) =>
        _kept.Get<IReadOnlyDictionary<string, ComposedLetter>>($"current:{year}", clock.GetUtcNow(), () =>
        {
            if (_editions.For(year) is null) return new Dictionary<string, ComposedLetter>();
            using var connection = database.Connect();
            try
            {
                return YearLetters.Compose(connection, year, _editions).ToDictionary(l => l.Letter.AuthorityCode);
            }
            catch (LetterRequestException)
            {
                return new Dictionary<string, ComposedLetter>();
            }
        });

    /// <summary>Drops the kept letters, so an approval or edit made from the staff area shows on the next request.</summary>
    public void Forget() => _kept.Clear();

    /// <summary>The letter's HTML; a published letter's as it was first served, kept with the snapshot.</summary>
    public async Task<string> HtmlAsync(ComposedLetter letter)
    {
        var year = FinancialYear.Parse(letter.Letter.Year);
        var frozen = Frozen(year).TryGetValue(letter.Letter.AuthorityCode, out var f) && f.Composed.ContentHash == letter.ContentHash ? f : null;
        if (frozen?.Html is { } kept) return kept;
        await using var html = new LetterHtml();
        var page = await html.RenderAsync(letter.Letter, letter.Edition);
        if (frozen is not null)
        {
            using var connection = database.Connect();
            PublishedFigures.KeepHtml(connection, year, letter.Letter.AuthorityCode, letter.ContentHash, page);
        }
        return page;
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
            // One letter at a time here, so one browser is enough.
            _printer ??= await LetterPdf.StartAsync(browsers: 1);
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
