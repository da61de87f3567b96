using System.Data.Common;

namespace Upheld.Accounts;

/// <summary>Tells staff, through the audit log and the access log, that failed sign-ins locked an account.</summary>
public static class AccountLockOut
{
    /// <summary>Records that <paramref name="email"/>'s account is locked until <paramref name="until"/>; the sign-in form itself never says so.</summary>
    public static void Record(DbConnection connection, DateTimeOffset at, string email, DateTimeOffset until)
    {
        Audits.AccountLocked(connection, at, email, until);
        AccessLog.RecordLockOut(connection, at, email, until);
    }
}
