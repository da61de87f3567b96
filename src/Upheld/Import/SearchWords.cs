using Dapper;
using Npgsql;

namespace Upheld.Import;

/// <summary>
/// The search words of decisions on PostgreSQL, made for a batch of staged rows: the words the english full-text
/// configuration makes of "category subcategory summary" (docs/data-formats.md, "Search words").
/// </summary>
/// <remarks>
/// <para>PostgreSQL's <c>to_tsvector</c> reads every row's text on one core, and over a million decisions that took five
/// times as long as loading the rows. A text's words are the words of its space-separated pieces put together, because
/// the full-text parser never reads a word across a space; and the pieces of a country's decisions repeat ("the", "council",
/// "delayed"). So each distinct piece is sent to the server once, in one statement a batch, to be made into words by the
/// same configuration, and a row's words are the union of its pieces' words: the same words, without positions, which
/// a search never reads.</para>
/// <para>The one place the parser reads across a space is markup (<c>&lt;a href="x y"&gt;</c>), so a text with a
/// <c>&lt;</c> is sent whole.</para>
/// </remarks>
internal sealed class SearchWords(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    /// <summary>Pieces remembered at most; past it the memory starts again, so an import's memory stays bounded.</summary>
    private const int MostPieces = 200_000;

    private static readonly char[] Spaces = [' ', '\t', '\n', '\r'];

    private readonly Dictionary<string, string[]> _words = new(StringComparer.Ordinal);

    /// <summary>The text the words are made of, as the search reads it.</summary>
    public static string TextOf(string? category, string? subcategory, string? summary) => $"{category} {subcategory} {summary}";

    /// <summary>Each text's words, in the order given, asking the server only for pieces not seen before.</summary>
    public string[][] Of(IReadOnlyList<string> texts)
    {
        if (_words.Count > MostPieces) _words.Clear();
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (var piece in Pieces(text))
                if (!_words.ContainsKey(piece)) unknown.Add(piece);
        if (unknown.Count > 0)
        {
            var pieces = unknown.ToArray();
            var made = connection.Query<(long Index, string[] Words)>(
                "SELECT p.i, tsvector_to_array(to_tsvector('english', p.piece)) FROM unnest(@pieces) WITH ORDINALITY AS p (piece, i)",
                new { pieces }, transaction, commandTimeout: 0);
            foreach (var (index, words) in made) _words[pieces[index - 1]] = words;
        }
        var result = new string[texts.Count][];
        var row = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            row.Clear();
            foreach (var piece in Pieces(texts[i])) row.UnionWith(_words[piece]);
            result[i] = [.. row];
        }
        return result;
    }

    private static IEnumerable<string> Pieces(string text) =>
        text.Contains('<') ? [text] : text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);
}
