using System.Net;
using System.Text.RegularExpressions;

namespace Upheld.Tests.Letters;

/// <summary>Reduces letters to what the acceptance compares: their words in order, layout removed.</summary>
public static partial class LetterText
{
    /// <summary>
    /// The real letter's text without its conversion's layout: link markup (<c>[x](#)</c>, <c>&lt;u&gt;x&lt;/u&gt;</c>),
    /// bold markers, a list item's leading "- ", and the line describing the signature image.
    /// </summary>
    public static string RealLetter(string text)
    {
        var lines = text.Replace("\r", "").Split('\n')
            .Where(l => !l.StartsWith("A handwritten signature", StringComparison.Ordinal))
            .Select(l => Markdown().Replace(l, "${text}").Replace("**", ""))
            .Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l);
        return string.Join('\n', lines);
    }

    /// <summary>The visible text of an HTML document: no head, no tags, entities decoded (an image's alt is not text).</summary>
    public static string Html(string html)
    {
        var body = Head().Replace(html, " ");
        // Inline elements join their text to what surrounds it; every other tag separates words.
        return WebUtility.HtmlDecode(Tag().Replace(InlineTag().Replace(body, ""), " "));
    }

    public static IReadOnlyList<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SelectMany(w => w.Split('\u00a0', StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>Text with every run of white space made one space, for finding a line whatever the line breaks.</summary>
    public static string Flat(string text) => string.Join(' ', Words(text));

    /// <summary>The real letter's lines that hold a percentage.</summary>
    public static IEnumerable<string> PercentageLines(string realLetter) =>
        RealLetter(realLetter).Split('\n').Where(l => l.Contains('%')).Select(Flat);

    /// <summary>Asserts the same words in the same order, naming the first difference and its surroundings.</summary>
    public static void AssertSameWords(string expected, string actual)
    {
        var e = Words(expected);
        var a = Words(actual);
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            if (e[i] != a[i])
                Assert.Fail($"word {i + 1}: expected '{e[i]}', got '{a[i]}'\nexpected: …{string.Join(' ', e.Skip(Math.Max(0, i - 8)).Take(16))}…\nactual:   …{string.Join(' ', a.Skip(Math.Max(0, i - 8)).Take(16))}…");
        }
        if (e.Count != a.Count)
            Assert.Fail($"expected {e.Count} words, got {a.Count}; the longer goes on: {string.Join(' ', (e.Count > a.Count ? e : a).Skip(Math.Min(e.Count, a.Count)).Take(20))}");
    }

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)|<u>(?<text>[^<]*)</u>")]
    private static partial Regex Markdown();

    [GeneratedRegex(@"<head>.*?</head>", RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"</?(a|strong|em|b|i|u|span)(\s[^>]*)?>")]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();
}
