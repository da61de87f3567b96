using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Web.Staff;

namespace Upheld.Tests.Cli;

/// <summary><c>upheld users</c>: the first staff account made from the command line, the password only from standard input.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"upheld-users-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(file);
    }

    [Fact]
    public void Users_add_reads_the_password_from_standard_input_and_stores_only_its_hash()
    {
        var run = CliRun.WithInput("a long enough password\n", "users", "add", "--email", "Pat@Example.org", "--name", "Pat Publisher", "--role", "publisher", "--db", _db);
        var list = CliRun.Of("users", "list", "--db", _db);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Added pat@example.org (publisher).\n", run.Output);
        Assert.Equal("pat@example.org\tPat Publisher\tpublisher\t-\tactive\n", list.Output);
        var database = Database.Sqlite(_db);
        using var connection = database.Connect();
        var user = StaffUsers.Find(connection, "pat@example.org")!;
        Assert.True(StaffPasswords.Verify(user, "a long enough password"));
        Assert.False(StaffPasswords.Verify(user, "a long enough passworD"));
    }

    [Fact]
    public void A_link_officer_needs_a_known_council_and_a_short_password_is_refused()
    {
        var noCouncil = CliRun.WithInput("a long enough password\n", "users", "add", "--email", "lo@example.org", "--name", "Lee", "--role", "link-officer", "--db", _db);
        var unknownCouncil = CliRun.WithInput("a long enough password\n", "users", "add", "--email", "lo@example.org", "--name", "Lee", "--role", "link-officer", "--council", "E99999999", "--db", _db);
        var shortPassword = CliRun.WithInput("short\n", "users", "add", "--email", "lo@example.org", "--name", "Lee", "--role", "link-officer", "--council", "E06000017", "--db", _db);
        var list = CliRun.Of("users", "list", "--db", _db);

        Assert.Equal((1, "--council: a link officer needs their council's code\n"), (noCouncil.ExitCode, noCouncil.Errors));
        Assert.Equal((1, "--council: unknown council code 'E99999999'\n"), (unknownCouncil.ExitCode, unknownCouncil.Errors));
        Assert.Equal((1, "Password refused: the password must be at least 12 characters long.\n"), (shortPassword.ExitCode, shortPassword.Errors));
        Assert.Equal("", list.Output);
    }

    [Fact]
    public void Users_unlock_clears_a_lock_out()
    {
        CliRun.WithInput("a long enough password\n", "users", "add", "--email", "sam@example.org", "--name", "Sam", "--role", "staff", "--db", _db);
        var database = Database.Sqlite(_db);
        using (var connection = database.Connect())
            for (var i = 0; i < StaffUsers.FailuresBeforeLockOut; i++) StaffUsers.ClaimSignIn(connection, "sam@example.org", DateTimeOffset.UtcNow);
        var locked = CliRun.Of("users", "list", "--db", _db);

        var unlock = CliRun.Of("users", "unlock", "--email", "sam@example.org", "--db", _db);
        var after = CliRun.Of("users", "list", "--db", _db);

        Assert.EndsWith("\tlocked\n", locked.Output);
        Assert.Equal(0, unlock.ExitCode);
        Assert.EndsWith("\tactive\n", after.Output);
    }

    [Fact]
    public void Users_remove_removes_the_account_and_a_second_remove_names_it_missing()
    {
        CliRun.WithInput("a long enough password\n", "users", "add", "--email", "sam@example.org", "--name", "Sam", "--role", "staff", "--db", _db);

        var removed = CliRun.Of("users", "remove", "--email", "Sam@Example.org", "--db", _db);
        var again = CliRun.Of("users", "remove", "--email", "sam@example.org", "--db", _db);
        var list = CliRun.Of("users", "list", "--db", _db);

        Assert.Equal((0, "Removed sam@example.org; its sessions have ended.\n"), (removed.ExitCode, removed.Output));
        Assert.Equal((1, "users remove: no account sam@example.org\n"), (again.ExitCode, again.Errors));
        Assert.Equal("", list.Output);
    }
}
