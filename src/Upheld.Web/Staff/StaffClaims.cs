using System.Security.Claims;
using Upheld.Accounts;

namespace Upheld.Web.Staff;

/// <summary>Who is signed in, read from the sign-in cookie's claims: e-mail, name, role and (for a link officer) council.</summary>
public sealed record StaffIdentity(string Email, string Name, StaffRole Role, string? CouncilCode)
{
    public const string CouncilClaim = "upheld:council";
    public const string StampClaim = "upheld:stamp";

    public bool IsStaff => Role is StaffRole.Staff or StaffRole.Publisher;
    public bool IsPublisher => Role == StaffRole.Publisher;

    /// <summary>Staff see every council; a link officer only their own.</summary>
    public bool MaySee(string councilCode) => IsStaff || string.Equals(CouncilCode, councilCode, StringComparison.Ordinal);

    /// <summary>How the logs name a person: display name and e-mail.</summary>
    public string Label => $"{Name} <{Email}>";

    /// <summary>The person as the engine's use cases take them, named in the audit log by <see cref="Label"/>.</summary>
    public Actor Actor => new(Label);

    public static ClaimsPrincipal Principal(StaffUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Email),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Role, StaffRoles.Name(user.Role)),
            new(StampClaim, user.SecurityStamp),
        };
        if (user.CouncilCode is { } code) claims.Add(new(CouncilClaim, code));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "upheld-staff"));
    }

    public static StaffIdentity? Of(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } email
        && StaffRoles.Parse(principal.FindFirstValue(ClaimTypes.Role)) is { } role
            ? new StaffIdentity(email, principal.FindFirstValue(ClaimTypes.Name) ?? email, role, principal.FindFirstValue(CouncilClaim))
            : null;
}
