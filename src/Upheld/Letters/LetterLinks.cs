using System.Text.RegularExpressions;

namespace Upheld.Letters;

/// <summary>Which links a letter's commentary may hold: web addresses, e-mail, and paths of this site that stay inside it.</summary>
/// <remarks>
/// A local link becomes a file of the static export and a link a browser follows, so it must not climb out of the site:
/// no "." or ".." segment (also written %2e), no backslash (browsers read "/\host" as "//host"), no "//" start.
/// </remarks>
public static partial class LetterLinks
{
    public const string Rule = "which is neither a web address (https://…) nor a page of this site (/councils/…)";

    /// <summary>Whether a link is followed: anything else is shown as the text it is.</summary>
    public static bool IsSafe(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || IsSitePath(url);

    /// <summary>A path from the site's root that names a page inside it.</summary>
    public static bool IsSitePath(string path)
    {
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\')) return false;
        var end = path.IndexOfAny(['?', '#']);
        foreach (var segment in (end < 0 ? path : path[..end]).Split('/'))
        {
            string decoded;
            try { decoded = Uri.UnescapeDataString(segment); }
            catch (UriFormatException) { return false; }
            if (decoded is "." or ".." || decoded.Contains('/') || decoded.Contains('\\') || decoded.Any(char.IsControl)) return false;
        }
        return true;
    }

    /// <summary>The links of the text that look like paths of this site but leave it, to be refused where commentary is written.</summary>
    public static IReadOnlyList<string> LeavingSite(string text) =>
        Markup().Matches(text).Select(m => m.Groups["url"].Value)
            .Where(url => url.StartsWith('/') || url.StartsWith('\\'))
            .Where(url => !IsSitePath(url)).ToList();

    /// <summary>The letter's inline markup: <c>**bold**</c> and <c>[label](url)</c>, shared with the HTML renderer.</summary>
    [GeneratedRegex(@"\*\*(?<bold>[^*]+)\*\*|\[(?<label>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    public static partial Regex Markup();
}
