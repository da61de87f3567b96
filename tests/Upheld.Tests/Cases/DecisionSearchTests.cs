using Upheld.Cases;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Cases;

/// <summary>Decision search and decision pages' query, on every database engine, over 2019-20 (published) and 2020-21 (not).</summary>
public abstract class DecisionSearchTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear[] Published = [new(2019)];
    private const string Header = "case_ref,authority_code,received_date,decision_date,category,outcome,remedied_by_authority,summary";
    // Created on first use, inside the test, so that a missing PostgreSQL server skips the test rather than breaking its class.
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private readonly ImportFolder _folder = new();

    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
        _folder.Dispose();
    }

    /// <summary>25 school cases in Worcestershire, 3 in Rutland, a housing case, and a school case of unpublished 2020-21.</summary>
    private void ImportCases()
    {
        var rows = new List<string> { Header };
        for (var i = 0; i < 25; i++)
            rows.Add($"W{i:D2},E10000034,,2019-{4 + i % 9:D2}-{1 + i % 3:D2},Education and Children's Services,{(i % 2 == 0 ? "upheld" : "not_upheld")},false,\"The school transport was late, day {i}.\"");
        for (var i = 0; i < 3; i++)
            rows.Add($"R{i},E06000017,,2019-05-0{i + 1},Education and Children's Services,upheld,false,\"A school place was refused.\"");
        rows.Add("H1,E06000017,,2019-06-01,Housing,upheld,true,\"Repairs to a council flat were delayed.\"");
        rows.Add("L1,E06000017,,2020-06-01,Education and Children's Services,upheld,false,\"A school admission appeal went wrong.\"");
        _folder.With("decisions.csv", [.. rows]).With("recommendations.csv", "case_ref,authority_code,kind,text,amount_gbp",
            "H1,E06000017,personal,Apologise to Ms B,", "H1,E06000017,personal,Pay Ms B for her distress,250", "H1,E06000017,service_improvement,Remind staff of repair times,");
        var result = new Importer(Database).Import(_folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }

    private DecisionResults Find(DecisionFilter filter) => DecisionSearch.Find(Database, filter, Published);

    [SkippableFact]
    public void Words_find_the_decisions_holding_them_and_filters_narrow_them()
    {
        ImportCases();

        Assert.Equal(28, Find(new("school")).Total);
        Assert.Equal(28, Find(new("Schools")).Total); // stemmed on both engines
        Assert.Equal(3, Find(new("school", Council: "E06000017")).Total);
        Assert.Equal(["H1"], Find(new("delayed repairs")).Hits.Select(h => h.CaseRef));
        Assert.Equal(13, Find(new("school", Council: "E10000034", Outcome: "upheld")).Total);
        Assert.Equal(["H1"], Find(new(Category: "Housing")).Hits.Select(h => h.CaseRef));
        Assert.Equal(["R1", "R0"], Find(new("school", From: new(2019, 5, 1), To: new(2019, 5, 2), Council: "E06000017")).Hits.Select(h => h.CaseRef));
        Assert.Equal(0, Find(new("parking")).Total);
    }

    [SkippableFact]
    public void Pages_of_twenty_follow_decision_date_then_case_reference_without_gaps_or_repeats()
    {
        ImportCases();

        var first = Find(new("school", Council: "E10000034"));
        var second = Find(new("school", Council: "E10000034", Page: 2));

        Assert.Equal((25, 2, 20, 5), (first.Total, first.Pages, first.Hits.Count, second.Hits.Count));
        var all = first.Hits.Concat(second.Hits).ToList();
        Assert.Equal(25, all.Select(h => h.CaseRef).Distinct().Count());
        Assert.Equal(all.OrderByDescending(h => h.DecisionDate).ThenBy(h => h.CaseRef, StringComparer.Ordinal), all);
        Assert.Equal(first.Hits.Select(h => h.CaseRef), Find(new("school", Council: "E10000034")).Hits.Select(h => h.CaseRef));
    }

    [SkippableFact]
    public void Decisions_of_an_unpublished_year_are_neither_found_nor_shown()
    {
        ImportCases();

        Assert.DoesNotContain("L1", Find(new("admission")).Hits.Select(h => h.CaseRef));
        Assert.Null(DecisionQuery.Find(Database, "L1", Published));
        Assert.Equal(0, DecisionSearch.Find(Database, new("school"), []).Total);
        Assert.Equal(1, DecisionSearch.Find(Database, new("admission"), [new(2019), new(2020)]).Total);
    }

    [SkippableTheory]
    [InlineData("school\" OR \"flat")]
    [InlineData("school*")]
    [InlineData("NEAR(school place)")]
    [InlineData("summary:school")]
    [InlineData("school -transport")]
    [InlineData("(school")]
    [InlineData("school'; DROP TABLE decisions; --")]
    public void Search_syntax_in_the_words_is_read_as_plain_words(string words)
    {
        ImportCases();

        var found = Find(new(words));

        Assert.All(found.Hits, h => Assert.Contains("school", h.Summary!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(29, DecisionSearch.Find(Database, new(), Published).Total);
    }

    [SkippableFact]
    public void A_decision_replaced_by_an_import_is_found_by_its_new_words_only()
    {
        ImportCases();
        using var change = new ImportFolder().With("decisions.csv", Header,
            "H1,E06000017,,2019-06-01,Housing,upheld,true,\"Mould in a council flat was not treated.\"");

        Assert.True(new Importer(Database).Import(change.Path, replace: true).Succeeded);

        Assert.Equal(["H1"], Find(new("mould")).Hits.Select(h => h.CaseRef));
        Assert.Equal(0, Find(new("repairs")).Total);
    }

    [SkippableFact]
    public void A_council_s_search_finds_exactly_the_word_search_s_decisions_of_that_council_in_the_same_order_and_pages()
    {
        // Three councils, 30 decisions each over 45 days, "council" in every one (as in real summaries) and "tax" in every third;
        // case references sort against the dates on purpose. SQLite finds a council's matches through the council's own term in
        // the full-text index, the words alone through the words' terms: the two must agree decision for decision.
        string[] councils = ["E10000034", "E06000017", "E07000192"];
        var rows = new List<string> { Header };
        for (var i = 0; i < 90; i++)
            rows.Add($"C{89 - i:D2},{councils[i % 3]},,{new DateOnly(2019, 4, 1).AddDays(i / 2):yyyy-MM-dd},{(i % 3 == 1 ? "Benefits and Tax" : "Housing")},upheld,false,\"The council {(i % 3 == 0 ? "billed council tax twice" : "lost the papers")}.\"");
        _folder.With("decisions.csv", [.. rows]);
        Assert.True(new Importer(Database).Import(_folder.Path).Succeeded);

        foreach (var words in new[] { "council", "council tax", "tax", "papers", "parking" })
        {
            var everywhere = Enumerable.Range(1, 5).SelectMany(page => Find(new(words, Page: page)).Hits).ToList();
            foreach (var council in councils)
            {
                var expected = everywhere.Where(h => h.AuthorityCode == council).ToList();
                for (var page = 1; page <= 2; page++)
                {
                    var found = Find(new(words, Council: council, Page: page));
                    Assert.Equal(expected.Count, found.Total);
                    Assert.Equal(expected.Skip((page - 1) * 20).Take(20), found.Hits);
                }
            }
        }
        // By hand: "council tax" is in the first council's 30 decisions (i % 3 == 0) as words, and in the second's 30 as a category.
        Assert.Equal((30, 30, 0), (Find(new("council tax", Council: "E10000034")).Total, Find(new("council tax", Council: "E06000017")).Total,
            Find(new("council tax", Council: "E07000192")).Total));
        // A council given as something other than a code finds nothing, and no search syntax reaches the engine.
        Assert.Equal(0, Find(new("council", Council: "E10000034\" OR \"tax")).Total);
        Assert.Equal(0, Find(new("council", Council: "E10000034 E06000017")).Total);
    }

    [SkippableFact]
    public void Counting_stops_after_a_thousand_matches_and_paging_reaches_the_newest_thousand_in_order()
    {
        // 1,030 decisions about parking on 148 days, seven a day, so a day's decisions straddle pages of twenty; case
        // references are shuffled against the order the rows are written (37 × i mod 1,030 takes every value once, as 37
        // and 1,030 share no factor), so neither the file's order nor its reverse is the order by case reference.
        static string Ref(int i) => $"P{37 * i % 1030:D4}";
        var rows = new List<string> { Header };
        for (var i = 0; i < 1030; i++)
            rows.Add($"{Ref(i)},E10000034,,{new DateOnly(2019, 4, 1).AddDays(i / 7):yyyy-MM-dd},Highways and Transport,upheld,false,\"A parking fine was wrong.\"");
        _folder.With("decisions.csv", [.. rows]);
        Assert.True(new Importer(Database).Import(_folder.Path).Succeeded);
        var newestFirst = Enumerable.Range(0, 1030).OrderByDescending(i => i / 7).ThenBy(Ref, StringComparer.Ordinal).Select(Ref).ToList();

        var first = Find(new("parking"));
        var beyond = Find(new("parking", Page: 51));

        Assert.Equal((1000, true, 50), (first.Total, first.MoreThanCounted, first.Pages));
        for (var page = 1; page <= 50; page++)
            Assert.Equal(newestFirst[((page - 1) * 20)..(page * 20)], Find(new("parking", Page: page)).Hits.Select(h => h.CaseRef));
        Assert.Empty(beyond.Hits);
        // The first ten days: seven a day.
        var fewer = Find(new("parking", From: new(2019, 4, 1), To: new(2019, 4, 10)));
        Assert.Equal((70, false, 4), (fewer.Total, fewer.MoreThanCounted, fewer.Pages));
    }

    [SkippableTheory]
    [InlineData("the")]
    [InlineData("The AND of")]
    [InlineData("was it not")]
    public void Words_made_only_of_common_words_find_nothing_and_are_named(string words)
    {
        ImportCases();

        var found = Find(new(words));

        Assert.Equal((0, 0), (found.Total, found.Hits.Count));
        Assert.Equal(words.ToLowerInvariant().Split(' '), found.IgnoredWords);
    }

    [SkippableFact]
    public void Common_words_among_others_are_left_out_so_every_engine_finds_the_same()
    {
        ImportCases();

        // "the" is in every school statement and in none of the housing one; "was" in both; "to" in the housing one only.
        var found = Find(new("the school was"));

        Assert.Equal(28, found.Total);
        Assert.Equal(["the", "was"], found.IgnoredWords);
        Assert.Equal(["H1"], Find(new("repairs to the flat")).Hits.Select(h => h.CaseRef));
        Assert.Equal(["H1"], Find(new("flat", Category: "Housing")).Hits.Select(h => h.CaseRef));
    }

    [SkippableFact]
    public void A_decision_comes_with_its_remedies_in_the_order_given()
    {
        ImportCases();

        var decision = DecisionQuery.Find(Database, "H1", Published)!;

        Assert.Equal(("E06000017", new FinancialYear(2019), "Housing", new DateOnly(2019, 6, 1), "upheld", true), (decision.AuthorityCode, decision.Year, decision.Category, decision.DecisionDate, decision.Outcome, decision.RemediedByAuthority));
        Assert.Equal(["Apologise to Ms B", "Pay Ms B for her distress", "Remind staff of repair times"], decision.Remedies.Select(r => r.Text));
        Assert.Equal(25_000, decision.Remedies[1].AmountPence);
        Assert.Null(DecisionQuery.Find(Database, "NOPE", Published));
    }
}

public sealed class SqliteDecisionSearchTests() : DecisionSearchTests(DatabaseProvider.Sqlite);

public sealed class PostgresDecisionSearchTests() : DecisionSearchTests(DatabaseProvider.PostgreSql)
{
    [SkippableFact]
    public void The_common_words_are_the_ones_the_servers_english_configuration_leaves_out()
    {
        using var store = TestDatabase.Create(DatabaseProvider.PostgreSql);
        using var connection = store.Database.Connect();

        var kept = Dapper.SqlMapper.Query<string>(connection,
            "SELECT w FROM unnest(@words) AS w WHERE to_tsvector('english', w) <> ''::tsvector", new { words = CommonWords.English.ToArray() });
        var dropped = Dapper.SqlMapper.ExecuteScalar<long>(connection,
            "SELECT count(*) FROM unnest(@words) AS w WHERE to_tsvector('english', w) = ''::tsvector", new { words = new[] { "school", "flat", "parking", "delay" } });

        Assert.Empty(kept);
        Assert.Equal(0, dropped);
    }
}
