using Dapper;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Import;

/// <summary>Correcting a stored recommendation in place, its words included, through the import's own checks, on every engine.</summary>
public abstract class RecommendationCorrectionTests(DatabaseProvider provider) : IDisposable
{
    private const string Case = "E06000017-001", Header = "case_ref,authority_code,kind,remedy_category,text,amount_gbp,due_date";
    private readonly Lazy<TestDatabase> _store = new(() => Prepared(provider));

    private Database Database => _store.Value.Database;

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    private static TestDatabase Prepared(DatabaseProvider provider)
    {
        var store = TestDatabase.Create(provider);
        using var folder = new ImportFolder().AsCases().With("recommendations.csv", Header,
            $"{Case},E06000017,personal,,Apologise to Mr B.,150,",
            $"{Case},E06000017,service_improvement,,Review how repairs are logged.,,",
            $"{Case},E06000017,service_improvement,,Train staff on the repairs policy.,,");
        Assert.True(new Importer(store.Database).Import(folder.Path).Succeeded);
        return store;
    }

    private static byte[] Row(string line) => System.Text.Encoding.UTF8.GetBytes($"{Header}\r\n{line}\r\n");

    private IReadOnlyList<(string Kind, string Text, long Place)> Stored()
    {
        using var connection = Database.Connect();
        return connection.Query<(string, string, long)>("SELECT kind, text, seq FROM recommendations WHERE case_ref = @Case ORDER BY seq", new { Case }).ToList();
    }

    [SkippableFact]
    public void New_words_replace_the_old_and_the_recommendation_keeps_its_place()
    {
        var before = Stored();
        var original = RecommendationKey.Of(Case, "service_improvement", "Review how repairs are logged.");

        var result = new Importer(Database).CorrectRecommendation(original, Row($"{Case},E06000017,service_improvement,repairs,Review how repairs are logged and chased.,,2020-01-31"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        Assert.Equal(
        [
            ("personal", "Apologise to Mr B.", before[0].Place),
            ("service_improvement", "Review how repairs are logged and chased.", before[1].Place),
            ("service_improvement", "Train staff on the repairs policy.", before[2].Place),
        ], Stored());
        using var connection = Database.Connect();
        Assert.Equal(("repairs", "2020-01-31"), connection.QuerySingle<(string, string)>(
            "SELECT remedy_category, due_date FROM recommendations WHERE text = 'Review how repairs are logged and chased.'"));
    }

    [SkippableFact]
    public void Words_another_recommendation_of_the_case_and_kind_has_are_refused_and_the_other_fields_still_checked()
    {
        var before = Stored();
        var original = RecommendationKey.Of(Case, "service_improvement", "Review how repairs are logged.");

        var result = new Importer(Database).CorrectRecommendation(original, Row($"{Case},E06000017,service_improvement,,Train staff on the repairs policy.,20,2019-02-30"));

        Assert.Equal(
        [
            $"recommendations.csv line 2, column text: case {Case} already has another service_improvement recommendation with these words; change the words, or correct that recommendation instead",
            "recommendations.csv line 2, column due_date: '2019-02-30' is not a date written YYYY-MM-DD",
        ], result.Problems.Listed);
        Assert.Equal(before, Stored());
    }

    [SkippableFact]
    public void The_same_words_under_another_kind_are_allowed()
    {
        var original = RecommendationKey.Of(Case, "personal", "Apologise to Mr B.");

        var result = new Importer(Database).CorrectRecommendation(original, Row($"{Case},E06000017,service_improvement,,Apologise to Mr B.,,"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        Assert.Equal(
        [
            ("service_improvement", "Apologise to Mr B."), ("service_improvement", "Review how repairs are logged."),
            ("service_improvement", "Train staff on the repairs policy."),
        ], Stored().Select(r => (r.Kind, r.Text)));
    }

    [SkippableFact]
    public void A_recommendation_no_longer_stored_is_refused_and_nothing_is_added()
    {
        var before = Stored();
        var gone = RecommendationKey.Of(Case, "personal", "Words nobody stored.");

        var result = new Importer(Database).CorrectRecommendation(gone, Row($"{Case},E06000017,personal,,Pay Mr B. £150.,150,"));

        Assert.Equal(["recommendations.csv line 2, column text: the recommendation to correct is no longer stored (someone may have just corrected it); choose it again from its case"],
            result.Problems.Listed);
        Assert.Equal(before, Stored());
    }
}

public sealed class SqliteRecommendationCorrectionTests() : RecommendationCorrectionTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecommendationCorrectionTests() : RecommendationCorrectionTests(DatabaseProvider.PostgreSql);
