using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.Import;

namespace Upheld.Tests.Letters;

/// <summary>Staff switches, approvals, kept renderings and demonstration marks, on every database engine.</summary>
public abstract class LetterReviewTests(DatabaseProvider provider) : IDisposable
{
    // Created on first use, inside the test, so that a missing PostgreSQL server skips the test rather than breaking its class.
    private readonly Lazy<LetterScenario> _scenario = new(() => new LetterScenario(provider));

    private LetterScenario Scenario => _scenario.Value;

    [SkippableFact]
    public void A_letter_whose_data_changed_after_approval_is_flagged()
    {
        var before = Scenario.Compose("E10000003");
        Assert.Equal(ApprovalState.NotApproved, before.Approval);
        using (var connection = Scenario.Database.Connect())
            LetterReview.Approve(connection, "E10000003", LetterScenario.Year, before.ContentHash, DateTimeOffset.UnixEpoch, "staff");
        Assert.Equal(ApprovalState.Approved, Scenario.Compose("E10000003").Approval);

        Scenario.Import(new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority", "NEW-1,E10000003,2019-05-01,not_upheld,"));

        Assert.Equal(ApprovalState.ChangedSinceApproval, Scenario.Compose("E10000003").Approval);
    }

    [SkippableFact]
    public void A_switch_changes_the_letter_and_switching_back_restores_it()
    {
        var original = Scenario.Compose("E10000003").ContentHash;
        using var connection = Scenario.Database.Connect();

        LetterReview.Switch(connection, "E10000003", LetterScenario.Year, DataParagraphs.LateRemedies, on: false);
        LetterReview.Switch(connection, "E10000003", LetterScenario.Year, DataParagraphs.LateRemedies, on: false);
        Assert.NotEqual(original, Scenario.Compose("E10000003").ContentHash);
        LetterReview.Switch(connection, "E10000003", LetterScenario.Year, DataParagraphs.LateRemedies, on: true);

        Assert.Equal(original, Scenario.Compose("E10000003").ContentHash);
        Assert.Throws<ArgumentException>(() => LetterReview.Switch(connection, "E10000003", LetterScenario.Year, "opening", on: false));
    }

    [SkippableFact]
    public void A_rendering_is_kept_by_content_hash_and_replaced_when_the_content_changes()
    {
        var letter = Scenario.Compose("E10000003");
        using var connection = Scenario.Database.Connect();
        Assert.Null(RenderedLetters.Find(connection, letter.ContentHash, "pdf"));

        RenderedLetters.Keep(connection, letter.Letter, letter.ContentHash, "pdf", [1, 2, 3]);
        Assert.Equal([1, 2, 3], RenderedLetters.Find(connection, letter.ContentHash, "pdf"));
        RenderedLetters.Keep(connection, letter.Letter, "another-hash", "pdf", [4]);

        Assert.Null(RenderedLetters.Find(connection, letter.ContentHash, "pdf"));
        Assert.Equal([4], RenderedLetters.Find(connection, "another-hash", "pdf"));
    }

    [SkippableFact]
    public void Letters_from_synthetic_figures_are_marked_outside_the_letters_own_text()
    {
        using (var connection = Scenario.Database.Connect())
            Provenance.Record(connection, [("E06000017", LetterScenario.Year, DataSource.Synthetic, "test"), ("E10000003", LetterScenario.Year, DataSource.Published, null)]);

        var letter = Scenario.Compose("E06000017").Letter;
        Assert.Contains(letter.Notices, n => n.StartsWith("Demonstration data", StringComparison.Ordinal));
        Assert.Empty(Scenario.Compose("E10000003").Letter.Notices);
        Assert.Contains("class=\"notice\" role=\"note\">Demonstration data", Scenario.HtmlAsync("E06000017").GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        if (_scenario.IsValueCreated) _scenario.Value.Dispose();
    }
}

public sealed class SqliteLetterReviewTests() : LetterReviewTests(DatabaseProvider.Sqlite);

public sealed class PostgresLetterReviewTests() : LetterReviewTests(DatabaseProvider.PostgreSql);
