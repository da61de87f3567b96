using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Upheld.Letters;

namespace Upheld.Documents;

/// <summary>Turns a letter's inline markup (<c>**bold**</c>, <c>[link](url)</c>) into HTML, encoding everything else.</summary>
internal static partial class InlineText
{
    public static MarkupString Html(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match m in LetterLinks.Markup().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[last..m.Index]));
            if (m.Groups["bold"].Success)
                html.Append("<strong>").Append(WebUtility.HtmlEncode(m.Groups["bold"].Value)).Append("</strong>");
            else if (!LetterLinks.IsSafe(m.Groups["url"].Value))
                html.Append(WebUtility.HtmlEncode(m.Value)); // a javascript: link, or one climbing out of the site, is shown as the text it is
            else
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(m.Groups["url"].Value)).Append("\">")
                    .Append(WebUtility.HtmlEncode(m.Groups["label"].Value)).Append("</a>");
            last = m.Index + m.Length;
        }
        html.Append(WebUtility.HtmlEncode(text[last..]));
        return new MarkupString(html.ToString());
    }
}
