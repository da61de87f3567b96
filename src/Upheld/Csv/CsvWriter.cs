using System.Text;

namespace Upheld.Csv;

/// <summary>Writes RFC 4180 CSV for downloads: quoted where needed, CRLF line ends, text that a spreadsheet would run as a formula defused.</summary>
public static class CsvWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The field quoted if it holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Free text as a spreadsheet will not mistake it for a formula: a leading =, +, -, @, tab or carriage return gets
    /// an apostrophe before it (the OWASP advice). Stored data keeps the text as written; only downloads are defused.
    /// </summary>
    public static string Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";

    public static byte[] Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder();
        Append(csv, header);
        foreach (var row in rows) Append(csv, row);
        return Utf8.GetBytes(csv.ToString());
    }

    private static void Append(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(Quote(fields[i] ?? ""));
        }
        csv.Append("\r\n");
    }
}
