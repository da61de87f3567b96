using Dapper;
using Upheld.Cases;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Cases;

/// <summary>
/// On PostgreSQL the import makes each decision's search words from the words of its space-separated pieces
/// (docs/data-formats.md, "Search words"); they must be exactly the words PostgreSQL's own english configuration makes of
/// the whole text, and every other writer must get them from the triggers.
/// </summary>
public sealed class PostgresSearchWordsTests : IDisposable
{
    private const string Header = "case_ref,authority_code,received_date,decision_date,category,subcategory,outcome,remedied_by_authority,summary";
    private static readonly FinancialYear[] Published = [new(2019)];
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(DatabaseProvider.PostgreSql));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    /// <summary>Texts where a parser reads more than plain words: apostrophes, hyphens, addresses, numbers, accents, markup, line breaks.</summary>
    private static readonly string[] Summaries =
    [
        "The council's self-funded care-home fees weren't refunded.",
        "Email jane.doe@example.org or see https://www.example.gov.uk/a-b?x=1 and /var/www/index.html",
        "Café naïve façade résumé — £1,250.50 on 12/03/2020 at 9:30am",
        "<b class=\"faulty repair\">Bold</b> text &amp; more <br/>then",
        "Running runners ran; schools' SCHOOL children’s schooling",
        "tab\tseparated words\nover lines\r\nhere",
        "non\u00a0breaking spaces and thin\u2009ones",
        "3.14 v2.0 COVID-19 A1 1st 2nd -5 +44 (0)20",
        "",
        "the and of a",
        // What COPY's text form and a tsvector's quoting give a meaning: backslashes, quotes, \N, a backslash before a tab.
        "Saved in C:\\Users\\o'brien\\notes.txt, marked \\N and 'quoted' \\\t\\",
    ];

    private static string Csv(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    [SkippableFact]
    public void The_imports_words_are_postgresqls_own_for_every_kind_of_text_and_other_writers_get_them_from_the_triggers()
    {
        var database = _store.Value.Database;
        var rows = new List<string> { Header };
        rows.AddRange(Summaries.Select((summary, i) => $"B{i:D6},E10000034,,2019-06-01,Housing,Repairs and maintenance,upheld,false,{Csv(summary)}"));
        rows.Add("B000099,E10000034,,2019-06-01,,,upheld,false,");
        // Into the empty table the rows go straight in, their words written as the column's binary value; into a table
        // that holds rows they are staged as text and merged: both ways must give PostgreSQL's own words.
        using (var folder = new ImportFolder().With("decisions.csv", [.. rows]))
            Assert.True(new Importer(database).Import(folder.Path).Succeeded);
        using (var folder = new ImportFolder().With("decisions.csv", [Header, .. rows.Skip(1).Select(r => "C" + r[1..])]))
            Assert.True(new Importer(database).Import(folder.Path).Succeeded);

        using var connection = database.Connect();
        const string OwnWords = "strip(to_tsvector('english', coalesce(category, '') || ' ' || coalesce(subcategory, '') || ' ' || coalesce(summary, '')))";
        Assert.Equal(2 * (Summaries.Length + 1), connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE search_words IS NOT NULL"));
        Assert.Empty(connection.Query<string>($"SELECT case_ref || ': ' || search_words::text || ' against ' || {OwnWords}::text FROM decisions WHERE search_words <> {OwnWords}"));
        // The words are found: "schooling" and "schools'" stem to "school", "self-funded" gives "self-fund", "self" and "fund".
        Assert.Equal(2, DecisionSearch.Find(database, new("school"), Published).Total);
        Assert.Equal(2, DecisionSearch.Find(database, new("funded"), Published).Total);
        Assert.Equal(2 * Summaries.Length, DecisionSearch.Find(database, new("repairs"), Published).Total);

        // A writer other than the import: an insert without words, and an update of the text that leaves them out.
        connection.Execute("INSERT INTO decisions (case_ref, authority_code, decision_date, year, outcome, remedied_by_authority, summary) " +
                           "VALUES ('B000100', 'E10000034', '2019-06-02', 2019, 'upheld', 0, 'A zebra crossing was moved')");
        connection.Execute("UPDATE decisions SET summary = 'Zebras escaped' WHERE case_ref = 'B000001'");
        connection.Execute("UPDATE decisions SET outcome = 'not upheld' WHERE case_ref = 'B000002'");
        Assert.Equal(2, DecisionSearch.Find(database, new("zebra"), Published).Total);
        Assert.Empty(connection.Query<string>($"SELECT case_ref FROM decisions WHERE strip(search_words) <> {OwnWords}"));
    }

    [SkippableFact]
    public void Values_and_words_reach_the_server_as_written_in_copys_binary_form()
    {
        using var connection = (Npgsql.NpgsqlConnection)_store.Value.Database.Connect();
        connection.Execute("CREATE TEMP TABLE copied (n integer, small smallint, big bigint, words text, vector tsvector)");
        // A text longer than the writer's 64 KB block, so the block must grow; characters COPY's text form escapes and one
        // outside the Basic Multilingual Plane; words holding a quote or a backslash, out of order, as a tsvector's entries.
        var texts = new[] { "tab\tline\nreturn\r back\\slash 'quote' \\N", "Café 😀 ✓", "", new string('x', 100_000) };
        string[] vector = ["o'b\\x", "zebra", "\\", "''", "apple", "Ünïcode"];
        using (var copy = new CopyBinary(connection.BeginRawBinaryCopy("COPY copied (n, small, big, words, vector) FROM STDIN (FORMAT binary)")))
        {
            foreach (var (text, i) in texts.Select((t, i) => (t, i)))
            {
                copy.Row(5);
                copy.Integer(i == 0 ? int.MinValue : i, 4);
                copy.Integer(i == 0 ? short.MaxValue : -i, 2);
                copy.Integer(i == 0 ? long.MinValue : long.MaxValue - i, 8);
                copy.Text(text);
                if (i == 2) copy.Null();
                else
                {
                    var entries = vector.Select(w => (byte[])[.. System.Text.Encoding.UTF8.GetBytes(w), 0, 0, 0]).ToList();
                    copy.Field(4 + entries.Sum(e => e.Length));
                    copy.Int32(entries.Count);
                    foreach (var entry in entries) copy.Part(entry);
                }
            }
            copy.End();
        }

        var read = connection.Query<(int N, short Small, long Big, string Words, string[]? Vector)>(
            "SELECT n, small, big, words, tsvector_to_array(vector) FROM copied ORDER BY big").ToList();
        Assert.Equal((int.MinValue, short.MaxValue, long.MinValue), (read[0].N, read[0].Small, read[0].Big));
        Assert.Equal(texts[0], read[0].Words);
        Assert.Equal(texts.Reverse().Take(3), read.Skip(1).Select(r => r.Words));
        Assert.Equal(long.MaxValue - 3, read[1].Big);
        Assert.Null(read.Single(r => r.N == 2).Vector);
        // The server puts a tsvector's entries in order (bytewise), each once.
        Assert.Equal(vector.Order(StringComparer.Ordinal), read[0].Vector);
    }

    [SkippableFact]
    public void Words_are_written_in_the_order_the_server_keeps_a_tsvector_in()
    {
        // Words sharing their first eight bytes (told apart by the rest), a word and the longer words it begins, bytes past
        // ASCII (UTF-8 sorts by bytes, not by letters), punctuation below and above letters, and some fifty words, so that
        // both ways of sorting (a row of more than 32 words is sorted differently) are used.
        string[] tricky = ["abcdefghij", "abcdefghi", "abcdefgh", "abcdefgz", "abc", "ab", "a", "b", "zebra", "Zebra", "é", "e", "ü",
            "über", "z'", "z\\", "0", "9lives", "~tilde", "abcdefgha", "日本", "日"];
        string[] many = [.. tricky, .. Enumerable.Range(0, 30).Select(i => $"word{(i * 7919) % 1000}")];
        using var connection = (Npgsql.NpgsqlConnection)_store.Value.Database.Connect();
        foreach (var words in new[] { tricky, many })
        {
            var bytes = words.Select(System.Text.Encoding.UTF8.GetBytes).ToList();
            var prefixes = bytes.Select(b => LexemeOrder.Prefix(b)).ToList();
            var order = Enumerable.Range(0, words.Length).Reverse().ToArray();
            LexemeOrder.Sort(order, bytes, prefixes);
            // array_to_tsvector puts the words in the server's own order, which is what a tsvector received is checked against.
            var serverOrder = connection.QuerySingle<string[]>("SELECT tsvector_to_array(array_to_tsvector(@words))", new { words });
            Assert.Equal(serverOrder, order.Select(i => words[i]));
        }
    }
}
