using System.Data.Common;
using Dapper;

namespace Upheld.Accounts;

/// <summary>The store of staff accounts; hashing passwords is the caller's (the site uses ASP.NET Core Identity's hasher).</summary>
/// <remarks>E-mail addresses are kept lower-case so that sign-in does not depend on how one is typed.</remarks>
public static class StaffUsers
{
    /// <summary>Failed sign-ins in a row that lock an account, and for how long.</summary>
    public const int FailuresBeforeLockOut = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static void Add(DbConnection connection, StaffUser user, DateTimeOffset now) =>
        connection.Execute(
            """
            INSERT INTO staff_users (email, display_name, role, council_code, password_hash, failed_sign_ins, locked_until, security_stamp, created_at)
            VALUES (@Email, @DisplayName, @Role, @CouncilCode, @PasswordHash, 0, NULL, @SecurityStamp, @Now)
            """,
            new { Email = Normalise(user.Email), user.DisplayName, Role = StaffRoles.Name(user.Role), user.CouncilCode, user.PasswordHash, user.SecurityStamp, Now = StoredTime.Format(now) });

    public static StaffUser? Find(DbConnection connection, string email) =>
        connection.Query<Row>("SELECT * FROM staff_users WHERE email = @email", new { email = Normalise(email) })
            .Select(r => r.ToUser()).SingleOrDefault();

    public static IReadOnlyList<StaffUser> All(DbConnection connection) =>
        connection.Query<Row>("SELECT * FROM staff_users ORDER BY email").Select(r => r.ToUser()).ToList();

    /// <summary>
    /// Claims one password check for <paramref name="email"/> before the password is checked, and answers the account
    /// (as it is after the claim), or null when the address has no account or the account is locked.
    /// </summary>
    /// <remarks>
    /// The claim counts as a failure until <see cref="ResetLockOut"/> clears it after a right password, and the
    /// <see cref="FailuresBeforeLockOut"/>th claim in a row locks the account for <see cref="LockOut"/> at once. Claiming
    /// and counting are one conditional UPDATE, so however many sign-ins arrive at once, at any number of server
    /// processes over one database, no more than <see cref="FailuresBeforeLockOut"/> passwords are checked per lock-out:
    /// reading the count, checking the password and then writing the count back let concurrent guesses overwrite each
    /// other's counts and be checked in dozens. A lock that has run out starts the count again.
    /// </remarks>
    public static StaffUser? ClaimSignIn(DbConnection connection, string email, DateTimeOffset now)
    {
        const string lapsed = "(locked_until IS NOT NULL AND locked_until <= @now)";
        return connection.Query<Row>(
                $"""
                 UPDATE staff_users
                 SET failed_sign_ins = CASE WHEN {lapsed} THEN 1 ELSE failed_sign_ins + 1 END,
                     locked_until = CASE WHEN (CASE WHEN {lapsed} THEN 1 ELSE failed_sign_ins + 1 END) >= @limit THEN @until ELSE NULL END
                 WHERE email = @email AND ((locked_until IS NULL AND failed_sign_ins < @limit) OR {lapsed})
                 RETURNING *
                 """,
                new { email = Normalise(email), now = StoredTime.Format(now), until = StoredTime.Format(now + LockOut), limit = FailuresBeforeLockOut })
            .Select(r => r.ToUser()).SingleOrDefault();
    }

    /// <summary>Clears the failure count and any lock-out: after a good sign-in, or by an administrator.</summary>
    public static bool ResetLockOut(DbConnection connection, string email) =>
        connection.Execute("UPDATE staff_users SET failed_sign_ins = 0, locked_until = NULL WHERE email = @email", new { email = Normalise(email) }) > 0;

    /// <summary>Sets a new password hash and a new security stamp, which signs the account out everywhere.</summary>
    public static bool SetPassword(DbConnection connection, string email, string passwordHash) =>
        connection.Execute(
            "UPDATE staff_users SET password_hash = @passwordHash, security_stamp = @stamp, failed_sign_ins = 0, locked_until = NULL WHERE email = @email",
            new { email = Normalise(email), passwordHash, stamp = NewStamp() }) > 0;

    /// <summary>A new security stamp, which ends every session of the account at every server process (sign-out, for one).</summary>
    public static bool EndSessions(DbConnection connection, string email) =>
        connection.Execute("UPDATE staff_users SET security_stamp = @stamp WHERE email = @email", new { email = Normalise(email), stamp = NewStamp() }) > 0;

    /// <summary>Removes the account; its sessions end with it, as a cookie whose account is gone signs no one in.</summary>
    public static bool Remove(DbConnection connection, string email) =>
        connection.Execute("DELETE FROM staff_users WHERE email = @email", new { email = Normalise(email) }) > 0;

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    // A class with settable properties, so Dapper converts each engine's integer type itself.
    private sealed class Row
    {
        public string Email { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public string? CouncilCode { get; set; }
        public string PasswordHash { get; set; } = "";
        public long FailedSignIns { get; set; }
        public string? LockedUntil { get; set; }
        public string SecurityStamp { get; set; } = "";

        public StaffUser ToUser() => new(Email, DisplayName, StaffRoles.Parse(Role) ?? StaffRole.LinkOfficer, CouncilCode, PasswordHash,
            (int)FailedSignIns, LockedUntil is null ? null : StoredTime.Parse(LockedUntil), SecurityStamp);
    }
}
