using Upheld.Accounts;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Accounts;

/// <summary>Staff accounts, the audit log and the access log, on both database engines.</summary>
public abstract class StaffStoreTests(DatabaseProvider provider) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2020, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    [SkippableFact]
    public void An_account_is_found_by_its_address_in_any_case_and_locks_after_five_failures_for_fifteen_minutes()
    {
        using var connection = _store.Value.Database.Connect();
        StaffUsers.Add(connection, new StaffUser("Lee@Example.org", "Lee", StaffRole.LinkOfficer, "E06000017", "hash", 0, null, "stamp"), Now);

        for (var i = 0; i < 4; i++) StaffUsers.ClaimSignIn(connection, "lee@example.org", Now);
        var afterFour = StaffUsers.Find(connection, "LEE@example.org")!;
        StaffUsers.ClaimSignIn(connection, "lee@example.org", Now);
        var afterFive = StaffUsers.Find(connection, "lee@example.org")!;

        Assert.Equal(("lee@example.org", StaffRole.LinkOfficer, "E06000017", 4, false), (afterFour.Email, afterFour.Role, afterFour.CouncilCode, afterFour.FailedSignIns, afterFour.IsLockedAt(Now)));
        Assert.Equal(Now.AddMinutes(15), afterFive.LockedUntil);
        Assert.True(afterFive.IsLockedAt(Now.AddMinutes(14)));
        Assert.False(afterFive.IsLockedAt(Now.AddMinutes(15)));
    }

    [SkippableFact]
    public void Logs_keep_entries_newest_first()
    {
        using var connection = _store.Value.Database.Connect();
        AuditLog.Record(connection, null, Now, "Sam", "add decision", "decisions X-1", null, """{"case_ref":"X-1"}""");
        AuditLog.Record(connection, null, Now.AddMinutes(1), "Sam", "correct decision", "decisions X-1", """{"case_ref":"X-1"}""", """{"case_ref":"X-1","outcome":"upheld"}""");
        AccessLog.Record(connection, Now, "Lee", "council: decided.csv", new FinancialYear(2019), "E06000017");

        var audit = AuditLog.Latest(connection);
        var access = Assert.Single(AccessLog.Latest(connection));

        Assert.Equal(["correct decision", "add decision"], audit.Select(a => a.Action));
        Assert.Equal((Now.AddMinutes(1), """{"case_ref":"X-1"}"""), (audit[0].At, audit[0].Before));
        Assert.Null(audit[1].Before);
        Assert.Equal(("Lee", new FinancialYear(2019), "E06000017", Now), (access.Who, access.Year, access.CouncilCode, access.At));
    }
}

public sealed class SqliteStaffStoreTests() : StaffStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresStaffStoreTests() : StaffStoreTests(DatabaseProvider.PostgreSql);
