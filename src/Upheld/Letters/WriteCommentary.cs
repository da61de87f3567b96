using System.Data.Common;
using System.Text.Json;
using Dapper;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Letters;

/// <summary>Replaces the commentary of one council's letter of a year with new paragraphs (<c>/staff/letters/{code}/{year}</c>).</summary>
/// <remarks>
/// The command line writes commentary by importing <c>commentary.csv</c> (<see cref="Import.ImportData"/>), which adds
/// paragraphs by position rather than replacing the whole text, so it has no command of its own. The paragraphs, an audit
/// entry with the paragraphs before and after (none when they are unchanged) and the year's published snapshot commit together.
/// </remarks>
public static class WriteCommentary
{
    public const int LongestParagraph = 20_000;
    public const int MostParagraphs = 30;

    /// <summary>Why the paragraphs cannot be the letter's commentary, in the order a form lists them; empty when they can.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<string> paragraphs)
    {
        var problems = new List<string>();
        if (paragraphs.Count > MostParagraphs) problems.Add($"Write at most {MostParagraphs} paragraphs");
        foreach (var (_, n) in paragraphs.Select((p, i) => (p, i + 1)).Where(p => p.p.Length > LongestParagraph))
            problems.Add($"Paragraph {n} is longer than {LongestParagraph:N0} characters");
        foreach (var (url, n) in paragraphs.SelectMany((p, i) => LetterLinks.LeavingSite(p).Select(url => (url, i + 1))))
            problems.Add($"Paragraph {n} links to '{url}', {LetterLinks.Rule}");
        return problems;
    }

    /// <summary>Writes the paragraphs, or refuses them with <see cref="Problems"/> and changes nothing; the problems, empty when written.</summary>
    public static IReadOnlyList<string> Run(Database database, string code, FinancialYear year, IReadOnlyList<string> paragraphs, Actor actor, TimeProvider clock)
    {
        var problems = Problems(paragraphs);
        if (problems.Count > 0) return problems;
        using var change = Change.Begin(database, actor, clock);
        var before = Read(change.Connection, code, year, change.Transaction);
        Write(change.Connection, change.Transaction, code, year, paragraphs);
        if (!before.SequenceEqual(paragraphs))
            change.Audit("edit commentary", $"letter {code} {year}", JsonSerializer.Serialize(before), JsonSerializer.Serialize(paragraphs));
        change.DataChanged(year);
        change.Commit();
        return [];
    }

    /// <summary>The letter's commentary paragraphs in order.</summary>
    public static IReadOnlyList<string> Read(DbConnection connection, string code, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<string>("SELECT text FROM commentary WHERE authority_code = @code AND year = @year ORDER BY position",
            new { code, year = year.StartYear }, transaction).ToList();

    /// <summary>Replaces the letter's commentary with <paramref name="paragraphs"/>, numbered from 1 in order.</summary>
    internal static void Write(DbConnection connection, DbTransaction transaction, string code, FinancialYear year, IReadOnlyList<string> paragraphs)
    {
        connection.Execute("DELETE FROM commentary WHERE authority_code = @code AND year = @year", new { code, year = year.StartYear }, transaction);
        foreach (var (text, position) in paragraphs.Select((t, i) => (t, i + 1)))
            connection.Execute("INSERT INTO commentary (authority_code, year, position, text) VALUES (@code, @year, @position, @text)",
                new { code, year = year.StartYear, position, text }, transaction);
    }
}
