using System.Text;
using System.Text.RegularExpressions;

namespace Upheld.Csv;

/// <summary>Writes RFC 4180 CSV: quoted where needed, CRLF line ends.</summary>
/// <remarks>
/// Every CSV download goes through <see cref="Build"/> or <see cref="WriteRow"/>, which defuse every field that is not a
/// plain number, so no column (case references and codes included) can carry a formula into a spreadsheet.
/// <see cref="BuildImportFile"/> is for the one-row import files the staff forms make, which must keep the text as typed.
/// </remarks>
public static partial class CsvWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The field quoted if it holds a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Text as a spreadsheet will not mistake it for a formula: a leading =, +, -, @, tab or carriage return gets
    /// an apostrophe before it (the OWASP advice), unless the whole field is a plain number such as -0.25 or 1E-05.
    /// Stored data keeps the text as written; only downloads are defused.
    /// </summary>
    public static string Text(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(text) ? "'" + text : text ?? "";

    /// <summary>A download: the header and rows, every field defused.</summary>
    public static byte[] Build(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var csv = new StringWriter();
        WriteRow(csv, header);
        foreach (var row in rows) WriteRow(csv, row);
        return Utf8.GetBytes(csv.ToString());
    }

    /// <summary>One row of a download, every field defused.</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            writer.Write(Quote(Text(field)));
        }
        writer.Write("\r\n");
    }

    /// <summary>An import file, the fields exactly as given: never a download.</summary>
    public static byte[] BuildImportFile(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            csv.AppendJoin(',', row.Select(f => Quote(f ?? ""))).Append("\r\n");
        return Utf8.GetBytes(csv.ToString());
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
