using Upheld.Accounts;
using Upheld.Import;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Cli;

/// <summary>Changes made from the command line are in the staff area's audit log, named as <c>cli:</c> and the operating-system user.</summary>
public sealed class CommandLineAuditTests : IDisposable
{
    private readonly TestDatabase _store = TestDatabase.Sqlite();
    private static readonly string Actor = $"cli:{Environment.UserName}";

    public void Dispose() => _store.Dispose();

    private string Db => _store.Database.Description;

    private IReadOnlyList<AuditEntry> Log()
    {
        using var connection = _store.Database.Connect();
        return AuditLog.Latest(connection);
    }

    private void ImportCases()
    {
        using var folder = new ImportFolder().AsCases();
        Assert.True(new Importer(_store.Database).Import(folder.Path).Succeeded);
    }

    [Fact]
    public void An_import_records_one_entry_with_each_file_s_row_counts_and_a_refused_one_records_none()
    {
        ImportCases();
        using var first = new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome",
            "Z-1,E06000017,2019-09-01,upheld", "Z-2,E06000017,2019-09-02,not_upheld", "Z-3,E06000017,2019-09-03,upheld");
        using var second = new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome",
            "Z-1,E06000017,2019-09-01,upheld", "Z-2,E06000017,2019-09-02,upheld");
        using var bad = new ImportFolder().With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "Z-4,E06000017,2019-09-04,maybe");

        var added = CliRun.Of("import", first.Path, "--db", Db);
        var replaced = CliRun.Of("import", second.Path, "--replace", "--db", Db);
        var refused = CliRun.Of("import", bad.Path, "--db", Db);

        Assert.Equal((0, 0, 1), (added.ExitCode, replaced.ExitCode, refused.ExitCode));
        var log = Log();
        Assert.Equal(2, log.Count);
        Assert.Equal((Actor, "import with replace", $"folder {second.Path}", (string?)null), (log[0].Who, log[0].Action, log[0].Entity, log[0].Before));
        Assert.Equal("""{"decisions.csv":{"rows":2,"added":0,"unchanged":1,"replaced":1}}""", log[0].After);
        Assert.Equal((Actor, "import", $"folder {first.Path}"), (log[1].Who, log[1].Action, log[1].Entity));
        Assert.Equal("""{"decisions.csv":{"rows":3,"added":3,"unchanged":0,"replaced":0}}""", log[1].After);
        Assert.True(DateTimeOffset.UtcNow - log[0].At < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Setting_and_withdrawing_a_publication_time_records_the_time_before_and_after()
    {
        ImportCases();

        Assert.Equal(0, CliRun.Of("publish", "--year", "2019-20", "--at", "2020-07-29T08:30:00Z", "--db", Db).ExitCode);
        Assert.Equal(0, CliRun.Of("publish", "--year", "2019-20", "--withdraw", "--db", Db).ExitCode);

        var log = Log();
        Assert.Equal(2, log.Count);
        Assert.Equal((Actor, "clear publication time", "year 2019-20"), (log[0].Who, log[0].Action, log[0].Entity));
        Assert.Equal(("""{"published_at":"2020-07-29T08:30:00Z"}""", """{"published_at":null}"""), (log[0].Before, log[0].After));
        Assert.Equal(("set publication time", """{"published_at":null}""", """{"published_at":"2020-07-29T08:30:00Z"}"""), (log[1].Action, log[1].Before, log[1].After));
    }

    [Fact]
    public void Approving_and_switching_a_letter_are_recorded_and_a_switch_that_changes_nothing_is_not()
    {
        ImportCases();

        Assert.Equal(0, CliRun.Of("letters", "switch", "--year", "2019-20", "--authority", "E10000034", "--paragraph", "late_remedies", "--db", Db).ExitCode);
        Assert.Equal(0, CliRun.Of("letters", "switch", "--year", "2019-20", "--authority", "E10000034", "--paragraph", "late_remedies", "--db", Db).ExitCode);
        Assert.Equal(0, CliRun.ApproveLetter("2019-20", "E10000034", Db).ExitCode);

        var log = Log();
        Assert.Equal(2, log.Count);
        Assert.Equal((Actor, "approve letter", "letter E10000034 2019-20", """{"state":"NotApproved"}"""), (log[0].Who, log[0].Action, log[0].Entity, log[0].Before));
        Assert.StartsWith("""{"state":"Approved","hash":""", log[0].After);
        Assert.Equal((Actor, "switch paragraph off", "letter E10000034 2019-20 late_remedies"), (log[1].Who, log[1].Action, log[1].Entity));
        Assert.Equal(("""{"on":true}""", """{"on":false}"""), (log[1].Before, log[1].After));
    }

    [Fact]
    public void Letters_approve_shows_the_letter_and_its_hash_and_approves_only_the_text_shown()
    {
        ImportCases();

        var shown = CliRun.Of("letters", "approve", "--year", "2019-20", "--authority", "E10000034", "--db", Db);
        var hash = System.Text.RegularExpressions.Regex.Match(shown.Output, "--hash ([0-9a-f]{64})").Groups[1].Value;
        var status = CliRun.Of("letters", "status", "--year", "2019-20", "--db", Db);
        using (var connection = _store.Database.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            Upheld.Letters.WriteCommentary.Write(connection, transaction, "E10000034", new FinancialYear(2019), ["Words nobody approving has read."]);
            transaction.Commit();
        }
        var stale = CliRun.Of("letters", "approve", "--year", "2019-20", "--authority", "E10000034", "--hash", hash, "--db", Db);
        var reshown = CliRun.Of("letters", "approve", "--year", "2019-20", "--authority", "E10000034", "--db", Db);
        var newHash = System.Text.RegularExpressions.Regex.Match(reshown.Output, "--hash ([0-9a-f]{64})").Groups[1].Value;
        var approved = CliRun.Of("letters", "approve", "--year", "2019-20", "--authority", "E10000034", "--hash", newHash, "--db", Db);

        Assert.Equal(1, shown.ExitCode);
        Assert.Contains("Worcestershire", shown.Output);
        Assert.Contains("Nothing was approved", shown.Errors);
        Assert.Matches($"E10000034\t[^\t]+\tnot approved\t{hash}\n", status.Output);
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("the letter has changed since you opened it", stale.Errors);
        Assert.Contains("Words nobody approving has read.", reshown.Output);
        Assert.NotEqual(hash, newHash);
        Assert.Equal(0, approved.ExitCode);
        var log = Log();
        Assert.Single(log, e => e.Action == "approve letter");
        Assert.Contains(newHash, log[0].After);
    }
}
