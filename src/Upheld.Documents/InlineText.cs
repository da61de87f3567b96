using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Upheld.Documents;

/// <summary>Turns a letter's inline markup (<c>**bold**</c>, <c>[link](url)</c>) into HTML, encoding everything else.</summary>
internal static partial class InlineText
{
    public static MarkupString Html(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match m in Markup().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[last..m.Index]));
            if (m.Groups["bold"].Success)
                html.Append("<strong>").Append(WebUtility.HtmlEncode(m.Groups["bold"].Value)).Append("</strong>");
            else if (!SafeLink(m.Groups["url"].Value))
                html.Append(WebUtility.HtmlEncode(m.Value)); // a javascript: or data: link is shown as the text it is, never followed
            else
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(m.Groups["url"].Value)).Append("\">")
                    .Append(WebUtility.HtmlEncode(m.Groups["label"].Value)).Append("</a>");
            last = m.Index + m.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[last..]));
        return new MarkupString(html.ToString());
    }

    private static bool SafeLink(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex(@"\*\*(?<bold>[^*]+)\*\*|\[(?<label>[^\]]+)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Markup();
}
