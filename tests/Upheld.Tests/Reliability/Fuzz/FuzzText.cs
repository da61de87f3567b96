using System.Text;

namespace Upheld.Tests.Reliability.Fuzz;

/// <summary>Generated field values: ordinary words mixed with what breaks careless code — quotes, commas, line breaks,
/// markup, ampersands, formula-like text and non-Latin scripts.</summary>
public static class FuzzText
{
    private static readonly string[] Words =
    [
        "council", "delay", "complaint", "care", "school", "bins", "planning", "housing", "remedy", "apology",
        "\"quoted\"", "it's", "a,b", "<script>alert(1)</script>", "&amp;", "Tom & Jerry", "<b>bold</b>",
        "=SUM(A1:A9)", "+44", "-2", "@cmd", "=HYPERLINK(\"http://x\")", "Ŵ", "Cymraeg: ŵ ŷ", "Ελληνικά", "中文投诉",
        "العربية", "😀", "naïve café", "100%", "£4,200", "\\", "'", ";", "|",
    ];

    private static readonly string[] Joins = [" ", " ", " ", ", ", "\r\n", "\n", " \t "];

    /// <summary>A value the importer trims: no space at either end, at most <paramref name="longest"/> characters.</summary>
    public static string Value(Random random, int longest = 200)
    {
        var text = new StringBuilder(Words[random.Next(Words.Length)]);
        var more = random.Next(4);
        for (var i = 0; i < more; i++)
        {
            var next = Words[random.Next(Words.Length)];
            if (text.Length + next.Length + 1 > longest) break;
            text.Append(' ').Append(next);
        }
        return text.ToString();
    }

    /// <summary>Free text kept exactly as written: may start or end with spaces and hold line breaks, never only spaces.</summary>
    public static string Text(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(6) == 0) text.Append("  ");
        text.Append(Words[random.Next(Words.Length)]);
        var more = random.Next(12);
        for (var i = 0; i < more; i++) text.Append(Joins[random.Next(Joins.Length)]).Append(Words[random.Next(Words.Length)]);
        if (random.Next(6) == 0) text.Append(' ');
        return text.ToString();
    }

    public static string Date(Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static T Pick<T>(Random random, IReadOnlyList<T> from) => from[random.Next(from.Count)];

    public static string Maybe(Random random, Func<string> value) => random.Next(3) == 0 ? "" : value();
}
