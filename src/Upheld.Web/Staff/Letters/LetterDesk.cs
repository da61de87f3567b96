using System.Data.Common;
using Dapper;
using Upheld.Letters;

namespace Upheld.Web.Staff;

/// <summary>What the letter review pages read and write: one composed letter, its switches and its commentary paragraphs.</summary>
internal static class LetterDesk
{
    public static readonly EditionCatalog Editions = EditionCatalog.Load();

    /// <summary>Years some edition writes letters for, newest first.</summary>
    public static IReadOnlyList<FinancialYear> Years() =>
        Editions.All.SelectMany(e => e.DataYears).Distinct()
            .Select(y => FinancialYear.TryParse(y, out var parsed) ? parsed : null).OfType<FinancialYear>()
            .OrderDescending().ToList();

    /// <summary>The council's letter as composed now, or null when it has none (unknown council or year, no data, no edition).</summary>
    public static ComposedLetter? Letter(DbConnection connection, string code, FinancialYear year)
    {
        try
        {
            return YearLetters.Compose(connection, year, Editions, code).SingleOrDefault();
        }
        catch (LetterRequestException)
        {
            return null;
        }
    }

    public static IReadOnlyList<ComposedLetter> YearOf(DbConnection connection, FinancialYear year)
    {
        try
        {
            return YearLetters.Compose(connection, year, Editions);
        }
        catch (LetterRequestException)
        {
            return [];
        }
    }

    /// <summary>
    /// Paragraphs written from data that staff can switch: those in the letter now, those switched off, and those off by default
    /// that the council's data would write (its service-area signals, where its edition has words for them and it has signals).
    /// </summary>
    public static IReadOnlyList<(string Key, bool On)> Switches(DbConnection connection, ComposedLetter letter, FinancialYear year)
    {
        var code = letter.Letter.AuthorityCode;
        var off = connection.Query<string>("SELECT paragraph FROM letter_switches WHERE authority_code = @code AND year = @year",
            new { code, year = year.StartYear }).Where(k => !DataParagraphs.OffByDefault.Contains(k)).ToHashSet(StringComparer.Ordinal);
        var on = letter.Letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Source).Where(DataParagraphs.IsKnown).Distinct().ToList();
        var available = new List<string>();
        if (!on.Contains(DataParagraphs.ServiceAreaSignals) && Editions.All.FirstOrDefault(e => e.Id == letter.Letter.EditionId)?.DataParagraphs.ServiceAreaSignals is not null
            && Upheld.Signals.SignalsQuery.Compute(connection, year).SignalsOf(code).Count > 0)
            available.Add(DataParagraphs.ServiceAreaSignals);
        return on.Select(k => (k, true)).Concat(off.Concat(available).Order(StringComparer.Ordinal).Select(k => (k, false))).ToList();
    }

    /// <summary>Paragraphs as typed in one box: separated by blank lines, each trimmed, line breaks inside one joined by spaces.</summary>
    public static IReadOnlyList<string> Paragraphs(string typed) =>
        System.Text.RegularExpressions.Regex.Split(typed.Replace("\r\n", "\n", StringComparison.Ordinal), @"\n\s*\n")
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0).ToList();
}
