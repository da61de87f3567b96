using System.Data.Common;
using Dapper;
using Upheld.Letters;

namespace Upheld.Web.Staff;

/// <summary>What the letter review pages read and write: one composed letter, its switches and its commentary paragraphs.</summary>
internal static class LetterDesk
{
    public const int LongestParagraph = 20_000;
    public const int MostParagraphs = 30;

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

    /// <summary>Paragraphs written from data that staff can switch: those in the letter now and those switched off.</summary>
    public static IReadOnlyList<(string Key, bool On)> Switches(DbConnection connection, ComposedLetter letter, FinancialYear year)
    {
        var off = connection.Query<string>("SELECT paragraph FROM letter_switches WHERE authority_code = @code AND year = @year",
            new { code = letter.Letter.AuthorityCode, year = year.StartYear }).ToHashSet(StringComparer.Ordinal);
        var on = letter.Letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Source).Where(DataParagraphs.IsKnown);
        return on.Distinct().Select(k => (k, true)).Concat(off.Order(StringComparer.Ordinal).Select(k => (k, false))).ToList();
    }

    public static IReadOnlyList<string> Commentary(DbConnection connection, string code, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<string>("SELECT text FROM commentary WHERE authority_code = @code AND year = @year ORDER BY position",
            new { code, year = year.StartYear }, transaction).ToList();

    /// <summary>Replaces the letter's commentary with <paramref name="paragraphs"/>, numbered from 1 in order.</summary>
    public static void SetCommentary(DbConnection connection, DbTransaction transaction, string code, FinancialYear year, IReadOnlyList<string> paragraphs)
    {
        connection.Execute("DELETE FROM commentary WHERE authority_code = @code AND year = @year", new { code, year = year.StartYear }, transaction);
        foreach (var (text, position) in paragraphs.Select((t, i) => (t, i + 1)))
            connection.Execute("INSERT INTO commentary (authority_code, year, position, text) VALUES (@code, @year, @position, @text)",
                new { code, year = year.StartYear, position, text }, transaction);
    }

    /// <summary>Paragraphs as typed in one box: separated by blank lines, each trimmed, line breaks inside one joined by spaces.</summary>
    public static IReadOnlyList<string> Paragraphs(string typed) =>
        System.Text.RegularExpressions.Regex.Split(typed.Replace("\r\n", "\n", StringComparison.Ordinal), @"\n\s*\n")
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0).ToList();
}
