using System.Buffers;
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
/// <param name="import">The import's connection, whose settings the words' own connection takes.</param>
internal sealed class SearchWords(NpgsqlConnection import) : IDisposable
{
    // The words of a piece depend on nothing the import writes, so they are asked for outside its transaction, on a
    // connection of their own: the import's connection stays taken by one COPY for the whole file.
    private NpgsqlConnection? _own;

    public void Dispose() => _own?.Dispose();

    /// <summary>Pieces remembered at most; past it the memory starts again, so an import's memory stays bounded.</summary>
    private const int MostPieces = 200_000;

    /// <summary>How the staged words of a row become the column's value in the merge: <see cref="WriteJoined"/> joins them with spaces.</summary>
    public const string ToColumn = "array_to_tsvector(string_to_array({0}, ' '))";

    // Each word has a number, and each piece the numbers of its words, found by a span of the text without making a string
    // of every piece: a million decisions hold some fifteen million pieces, and their words repeat even more.
    private readonly Dictionary<string, int[]> _pieces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];
    // Each word's bytes as the staging table's text, and as a tsvector's entry in COPY's binary form (CopyBinary).
    private readonly List<byte[]> _wordBytes = [];
    private readonly List<byte[]> _lexemeBytes = [];
    private readonly List<ulong> _prefixes = [];
    // The last row each word was taken for, so a row takes each word once without a set of its own.
    private int[] _takenFor = new int[1024];
    private int _row;

    /// <summary>The text the words are made of, as the search reads it.</summary>
    public static string TextOf(string? category, string? subcategory, string? summary) => $"{category} {subcategory} {summary}";

    /// <summary>The words of a batch of rows: row <c>i</c>'s are <see cref="Numbers"/> from <see cref="Starts"/>[i] up to <see cref="Ends"/>[i].</summary>
    public sealed record Batch(int[] Starts, int[] Ends, List<int> Numbers);

    /// <summary>
    /// Each row's words (of its category, subcategory and summary), each word once, asking the server only for pieces not
    /// seen before; a row with such a piece is looked at again once the server has answered.
    /// </summary>
    public Batch Of(IReadOnlyList<(string? Category, string? Subcategory, string? Summary)> rows)
    {
        if (_pieces.Count > MostPieces)
        {
            _pieces.Clear();
            _numbers.Clear();
            _words.Clear();
            _wordBytes.Clear();
            _lexemeBytes.Clear();
            _prefixes.Clear();
        }
        var known = _pieces.GetAlternateLookup<ReadOnlySpan<char>>();
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var waiting = new List<int>();
        int[] starts = new int[rows.Count], ends = new int[rows.Count];
        var numbers = new List<int>(rows.Count * 16);
        for (var i = 0; i < rows.Count; i++)
        {
            starts[i] = numbers.Count;
            if (!Find(rows[i], known, unknown, numbers))
            {
                numbers.RemoveRange(starts[i], numbers.Count - starts[i]);
                waiting.Add(i);
            }
            ends[i] = numbers.Count;
        }
        if (unknown.Count == 0) return new Batch(starts, ends, numbers);
        var pieces = unknown.ToArray();
        if (_own is null)
        {
            _own = import.CloneWith(import.ConnectionString);
            _own.Open();
        }
        var made = _own.Query<(long Index, string[] Words)>(
            "SELECT p.i, tsvector_to_array(to_tsvector('english', p.piece)) FROM unnest(@pieces) WITH ORDINALITY AS p (piece, i)",
            new { pieces }, commandTimeout: 0);
        foreach (var (index, words) in made) _pieces[pieces[index - 1]] = [.. words.Select(Number)];
        foreach (var i in waiting)
        {
            starts[i] = numbers.Count;
            Find(rows[i], known, null, numbers);
            ends[i] = numbers.Count;
        }
        return new Batch(starts, ends, numbers);
    }

    /// <summary>Writes a row's words joined by spaces, as the staging table holds them. A word never holds a space: the parser never reads one into a word it keeps.</summary>
    public void WriteJoined(CopyBinary copy, Batch batch, int row)
    {
        var (start, end) = (batch.Starts[row], batch.Ends[row]);
        var length = Math.Max(0, end - start - 1);
        for (var i = start; i < end; i++) length += _wordBytes[batch.Numbers[i]].Length;
        copy.Field(length);
        for (var i = start; i < end; i++)
        {
            if (i > start) copy.Part(" "u8);
            copy.Part(_wordBytes[batch.Numbers[i]]);
        }
    }

    /// <summary>
    /// Writes a row's words as a <c>tsvector</c> in COPY's binary form: the number of words, then each word's bytes, a zero
    /// byte and its number of positions (none), each word once and in the order the server keeps them (<see cref="LexemeOrder"/>).
    /// </summary>
    public void WriteVector(CopyBinary copy, Batch batch, int row)
    {
        var (start, end) = (batch.Starts[row], batch.Ends[row]);
        LexemeOrder.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch.Numbers)[start..end], _wordBytes, _prefixes);
        var length = 4;
        for (var i = start; i < end; i++) length += _lexemeBytes[batch.Numbers[i]].Length;
        copy.Field(length);
        copy.Int32(end - start);
        for (var i = start; i < end; i++) copy.Part(_lexemeBytes[batch.Numbers[i]]);
    }

    private int Number(string word)
    {
        if (_numbers.TryGetValue(word, out var number)) return number;
        number = _words.Count;
        _numbers[word] = number;
        _words.Add(word);
        var bytes = Encoding.UTF8.GetBytes(word);
        _wordBytes.Add(bytes);
        _prefixes.Add(LexemeOrder.Prefix(bytes));
        _lexemeBytes.Add([.. bytes, 0, 0, 0]);
        return number;
    }

    /// <summary>
    /// Adds each of the row's words to <paramref name="numbers"/> once; false, with the pieces not known yet added to
    /// <paramref name="unknown"/>, if any is not.
    /// </summary>
    private bool Find((string? Category, string? Subcategory, string? Summary) row, Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> known,
        HashSet<string>? unknown, List<int> numbers)
    {
        _row++;
        if (_takenFor.Length < _words.Count) Array.Resize(ref _takenFor, Math.Max(_words.Count, _takenFor.Length * 2));
        var (category, subcategory, summary) = row;
        // The one place the parser reads across a space is markup, so a text with a '<' is one piece, whole.
        if ((category?.Contains('<') ?? false) || (subcategory?.Contains('<') ?? false) || (summary?.Contains('<') ?? false))
            return Take(TextOf(category, subcategory, summary), known, unknown, numbers);
        var complete = true;
        foreach (var part in (ReadOnlySpan<string?>)[category, subcategory, summary])
        {
            var rest = part.AsSpan();
            while (rest.Length > 0)
            {
                var end = rest.IndexOfAny(Spaces);
                if (end < 0) end = rest.Length;
                if (end > 0) complete &= Take(rest[..end], known, unknown, numbers);
                rest = rest[Math.Min(end + 1, rest.Length)..];
            }
        }
        return complete;
    }

    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\n\r");

    private bool Take(ReadOnlySpan<char> piece, Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> known, HashSet<string>? unknown, List<int> numbers)
    {
        if (!known.TryGetValue(piece, out var words))
        {
            unknown?.Add(piece.ToString());
            return false;
        }
        foreach (var word in words)
        {
            if (_takenFor[word] == _row) continue;
            _takenFor[word] = _row;
            numbers.Add(word);
        }
        return true;
    }
}
