using System.Buffers;

namespace Upheld.Import;

/// <summary>Values in the text form of PostgreSQL's <c>COPY … FROM STDIN</c>: tab between columns, a line a row, <c>\N</c> for null.</summary>
internal static class CopyText
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("\\\t\n\r");

    /// <summary>Writes a text value with the four characters COPY's text form gives a meaning escaped: backslash, tab, line feed, carriage return.</summary>
    public static void Write(TextWriter copy, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var at = text.IndexOfAny(Escaped);
            if (at < 0)
            {
                copy.Write(text);
                return;
            }
            copy.Write(text[..at]);
            copy.Write(text[at] switch { '\\' => @"\\", '\t' => @"\t", '\n' => @"\n", _ => @"\r" });
            text = text[(at + 1)..];
        }
    }

    /// <summary><see cref="Write"/>'s escaping as a string, for a value written many times.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0) return text;
        using var writer = new StringWriter();
        Write(writer, text);
        return writer.ToString();
    }
}
