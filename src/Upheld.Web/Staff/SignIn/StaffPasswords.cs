using Microsoft.AspNetCore.Identity;
using Upheld.Accounts;

namespace Upheld.Web.Staff;

/// <summary>Passwords hashed and checked by ASP.NET Core Identity's own hasher (PBKDF2 with a salt, versioned), never by hand.</summary>
public static class StaffPasswords
{
    /// <summary>The shortest password accepted, as NCSC guidance prefers length to composition rules.</summary>
    public const int ShortestPassword = 12;

    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(StaffUser user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    // Checked against an unknown address's sign-in too, so the time taken does not tell who has an account.
    private static readonly StaffUser Nobody = new("", "", StaffRole.Staff, null, Hash(Guid.NewGuid().ToString()), 0, null, "");

    /// <summary>Spends the time of a real check and fails, for a sign-in with an unknown address.</summary>
    public static bool VerifyNobody(string password) => Verify(Nobody, password) && false;

    /// <summary>Why a password is refused, or null when it is acceptable.</summary>
    public static string? Problem(string password) =>
        password.Length < ShortestPassword ? $"the password must be at least {ShortestPassword} characters long" : null;
}
