using Upheld.Letters.Mail;
using Upheld.Storage;

namespace Upheld.Accounts;

/// <summary>The link officers of the staff area's accounts (role link-officer, with a council), and any listed besides them.</summary>
/// <remarks>Read once when made, so a batch of letters asks the database once, not once a council.</remarks>
public sealed class StaffLinkOfficers : ILinkOfficerDirectory
{
    private readonly ILookup<string, string> _officers;
    private readonly ILinkOfficerDirectory _besides;

    public StaffLinkOfficers(Database database, ILinkOfficerDirectory? besides = null)
    {
        using var connection = database.Connect();
        _officers = StaffUsers.All(connection)
            .Where(u => u.Role == StaffRole.LinkOfficer && u.CouncilCode is not null)
            .ToLookup(u => u.CouncilCode!, u => u.Email, StringComparer.Ordinal);
        _besides = besides ?? new NoLinkOfficers();
    }

    public IReadOnlyList<string> For(string authorityCode) =>
        _officers[authorityCode].Concat(_besides.For(authorityCode)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
