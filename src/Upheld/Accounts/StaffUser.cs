using System.Globalization;

namespace Upheld.Accounts;

/// <summary>What a staff account may do: record cases, also approve letters and publish, or read one council's data.</summary>
public enum StaffRole
{
    Staff,
    Publisher,
    LinkOfficer,
}

/// <summary>The words for roles used in the database, on the command line and in sign-in claims.</summary>
public static class StaffRoles
{
    public static string Name(StaffRole role) => role switch
    {
        StaffRole.Publisher => "publisher",
        StaffRole.LinkOfficer => "link-officer",
        _ => "staff",
    };

    public static StaffRole? Parse(string? text) => text switch
    {
        "staff" => StaffRole.Staff,
        "publisher" => StaffRole.Publisher,
        "link-officer" => StaffRole.LinkOfficer,
        _ => null,
    };

    public static string Describe(StaffRole role) => role switch
    {
        StaffRole.Publisher => "Publisher",
        StaffRole.LinkOfficer => "Council link officer",
        _ => "Staff",
    };
}

/// <summary>A staff account as stored: the password only as its hash, and the state of the lock-out.</summary>
public sealed record StaffUser(
    string Email,
    string DisplayName,
    StaffRole Role,
    string? CouncilCode,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    string SecurityStamp)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>Times in the staff tables are UTC ISO-8601 text, as publication times are, so both engines order them alike.</summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
