using System.Text;
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

    /// <summary>How the staged words of a row become the column's value in the merge: <see cref="Of"/> joins them with spaces.</summary>
    public const string ToColumn = "array_to_tsvector(string_to_array({0}, ' '))";

    // Each piece's words joined by spaces ("" for a piece of common words only), found by a span of the text without
    // making a string of every piece: a million decisions hold some fifteen million pieces.
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly StringBuilder _row = new();
    private readonly List<Range> _pieces = new(64);

    /// <summary>The text the words are made of, as the search reads it.</summary>
    public static string TextOf(string? category, string? subcategory, string? summary) => $"{category} {subcategory} {summary}";

    /// <summary>
    /// Each text's words joined by spaces, in the order given, asking the server only for pieces not seen before. A word
    /// may come twice; the merge's <c>array_to_tsvector</c> keeps each once. A word never holds a space: the parser
    /// never reads one into a word it keeps.
    /// </summary>
    public string[] Of(IReadOnlyList<string> texts)
    {
        if (_words.Count > MostPieces) _words.Clear();
        var result = new string[texts.Count];
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var waiting = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (Join(texts[i], unknown) is { } words) result[i] = words;
            else waiting.Add(i);
        }
        if (unknown.Count == 0) return result;
        var pieces = unknown.ToArray();
        var made = connection.Query<(long Index, string[] Words)>(
            "SELECT p.i, tsvector_to_array(to_tsvector('english', p.piece)) FROM unnest(@pieces) WITH ORDINALITY AS p (piece, i)",
            new { pieces }, transaction, commandTimeout: 0);
        foreach (var (index, words) in made) _words[pieces[index - 1]] = string.Join(' ', words);
        foreach (var i in waiting) result[i] = Join(texts[i], unknown)!;
        return result;
    }

    /// <summary>The text's words joined by spaces; null, with the pieces not known yet added to <paramref name="unknown"/>, if any is not.</summary>
    private string? Join(string text, HashSet<string> unknown)
    {
        var known = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        var complete = true;
        _row.Clear();
        foreach (var piece in Pieces(text, _pieces))
        {
            if (!known.TryGetValue(text.AsSpan(piece), out var words))
            {
                unknown.Add(text[piece]);
                complete = false;
            }
            else if (complete && words.Length > 0)
            {
                if (_row.Length > 0) _row.Append(' ');
                _row.Append(words);
            }
        }
        return complete ? _row.ToString() : null;
    }

    /// <summary>Where each space-separated piece of the text is; the whole text when it holds markup.</summary>
    private static List<Range> Pieces(string text, List<Range> pieces)
    {
        pieces.Clear();
        if (text.Contains('<'))
        {
            if (text.Length > 0) pieces.Add(Range.All);
            return pieces;
        }
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var space = i == text.Length || text[i] is ' ' or '\t' or '\n' or '\r';
            if (space && start >= 0)
            {
                pieces.Add(start..i);
                start = -1;
            }
            else if (!space && start < 0) start = i;
        }
        return pieces;
    }
}
