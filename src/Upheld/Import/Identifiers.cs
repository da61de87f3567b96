using System.Text.RegularExpressions;

namespace Upheld.Import;

/// <summary>
/// The patterns identifiers must match (docs/data-formats.md, "Import folder"): each becomes a segment of a page's address and a file
/// name in the static export, so none may hold a slash, start or end with a dot or space, or be long.
/// </summary>
public static partial class Identifiers
{
    public const string CaseReferenceRule =
        "is not a case reference: 1 to 40 letters, digits, spaces, dots, hyphens or underscores, beginning and ending with a letter or digit";

    public const string AuthorityCodeRule =
        "is not an authority code: 1 to 20 letters, digits, hyphens or underscores, beginning with a letter or digit";

    /// <summary>Spaces inside are allowed because real references are written "20 000 001".</summary>
    public static bool IsCaseReference(string text) => CaseReference().IsMatch(text);

    public static bool IsAuthorityCode(string text) => AuthorityCode().IsMatch(text);

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9 ._-]{0,38}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseReference();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorityCode();
}
