using System.Text;

namespace Upheld.Tests.Reliability.Fuzz;

/// <summary>One malformed file in an otherwise valid folder, and the problem the importer must report for it.</summary>
public sealed record Malformed(string Kind, string File, int Line, string? Column, byte[] Bytes)
{
    /// <summary>How the expected problem starts: <c>decisions.csv line 3, column outcome: </c> or <c>decisions.csv line 3: </c>.</summary>
    public string Expected => Column is null ? $"{File} line {Line}: " : $"{File} line {Line}, column {Column}: ";
}

/// <summary>The ways a file goes wrong: truncated and over-long rows, bad bytes, wrong types, huge fields, duplicate keys,
/// broken quoting, missing columns and values. Each makes one file of a valid folder bad in one place.</summary>
public static class Mutations
{
    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["populations.csv"] = ["code", "year", "population"],
        ["contacts.csv"] = ["code", "year", "role"],
        ["received.csv"] = ["case_ref", "authority_code", "received_date"],
        ["decisions.csv"] = ["case_ref", "authority_code", "decision_date", "outcome"],
        ["recommendations.csv"] = ["case_ref", "authority_code", "kind"],
        ["compliance.csv"] = ["case_ref", "authority_code", "recorded_date", "outcome"],
        ["public_reports.csv"] = ["case_ref", "authority_code", "issued_date"],
        ["commentary.csv"] = ["authority_code", "year", "position", "text"],
    };

    private static readonly string[] BadDates = ["2019-02-30", "30/04/2019", "2019-4-1", "yesterday", "2019-04-01T00:00"];

    private static readonly Dictionary<string, string[]> WrongValues = new()
    {
        ["received_date"] = BadDates, ["decision_date"] = BadDates, ["recorded_date"] = BadDates, ["issued_date"] = BadDates, ["due_date"] = BadDates,
        ["year"] = ["2019", "2019-21", "19-20", "twenty"],
        ["population"] = ["-5", "12a", "1.5", "99999999999", "0"],
        ["position"] = ["0", "x", "-1", "1e3"],
        ["amount_gbp"] = ["£12", "12.345", "-3", "1,000"],
        ["outcome"] = ["maybe", "UPHELD", "complied"],
        ["kind"] = ["other", "Personal"],
        ["remedied_by_authority"] = ["yes", "1", "TRUE"],
        ["category"] = ["Parking", "housing"],
        ["authority_code"] = ["E99999999", "e10000034", "W06000001"],
        ["code"] = ["E99999999", "S12000033"],
    };

    private static readonly string[] Kinds =
    [
        "truncated row", "extra field", "invalid UTF-8", "wrong type", "huge field", "duplicate key", "quote in unquoted field",
        "text after closing quote", "unclosed quote", "missing column", "column twice", "missing value", "empty file",
    ];

    public static Malformed Apply(GeneratedFolder folder, Random random)
    {
        var file = FuzzText.Pick(random, folder.Files);
        var kind = FuzzText.Pick(random, Kinds);
        var row = random.Next(file.Rows.Count);
        var line = file.LineOf(row);
        var rows = file.Rows.Select(r => (string[])r.Clone()).ToList();
        var known = FolderGenerator.Columns[file.Name].Where(c => file.IndexOf(c) >= 0).ToList();
        Malformed With(string? column, int at, List<string[]> changed, IReadOnlyList<string>? header = null) =>
            new(kind, file.Name, at, column, file.Encode(GeneratedFile.Text(header ?? file.Header, changed)));
        Malformed Raw(int at, int index, string rawLine) =>
            new(kind, file.Name, at, null, file.Encode(GeneratedFile.Text(file.Header, rows.Take(index)) + rawLine + Body(rows.Skip(index + 1))));
        switch (kind)
        {
            case "truncated row":
                rows[row] = rows[row][..^(1 + random.Next(rows[row].Length - 2))]; // at least two fields stay, or the row would be a blank line
                return With(null, line, rows);
            case "extra field":
                rows[row] = [.. rows[row], "extra"];
                return With(null, line, rows);
            case "invalid UTF-8":
                var before = file.Encode(GeneratedFile.Text(file.Header, rows.Take(row)));
                var after = Encoding.UTF8.GetBytes(Body(rows.Skip(row)));
                byte[] bad = FuzzText.Pick(random, new[] { new byte[] { 0xFF }, [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80] });
                var at = random.Next(Math.Max(1, after.AsSpan().IndexOf((byte)'\n'))); // before the row's first line break
                return new(kind, file.Name, line, null, [.. before, .. after[..at], .. bad, .. after[at..]]);
            case "wrong type":
                var typed = known.Where(WrongValues.ContainsKey).ToList();
                var column = FuzzText.Pick(random, typed);
                rows[row][file.IndexOf(column)] = FuzzText.Pick(random, WrongValues[column]);
                return With(column, line, rows);
            case "huge field":
                var huge = FuzzText.Pick(random, known);
                rows[row][file.IndexOf(huge)] = new string(FuzzText.Pick(random, new[] { '7', 'x', 'ŵ' }), 100_000);
                return With(huge, line, rows);
            case "duplicate key":
                rows.Add(rows[row]);
                return With(FolderGenerator.Columns[file.Name][0], new GeneratedFile(file.Name, file.Header, rows).LineOf(rows.Count - 1), rows);
            case "quote in unquoted field":
                return Raw(line, row, "ab\"cd," + string.Join(',', rows[row].Skip(1).Select(Upheld.Csv.CsvWriter.Quote)) + "\r\n");
            case "text after closing quote":
                return Raw(line, row, "\"ab\"cd," + string.Join(',', rows[row].Skip(1).Select(Upheld.Csv.CsvWriter.Quote)) + "\r\n");
            case "unclosed quote":
                var last = rows.Count - 1;
                return Raw(file.LineOf(last), last, string.Join(',', rows[last].SkipLast(1).Select(Upheld.Csv.CsvWriter.Quote).Append("\"unclosed")) + "\r\n");
            case "missing column":
                var missing = FuzzText.Pick(random, Required[file.Name]);
                var index = file.IndexOf(missing);
                return With(missing, 1, rows.Select(r => r.Where((_, i) => i != index).ToArray()).ToList(), file.Header.Where((_, i) => i != index).ToList());
            case "column twice":
                var twice = FuzzText.Pick(random, known);
                return With(twice, 1, rows.Select(r => (string[])[.. r, "x"]).ToList(), [.. file.Header, twice]);
            case "missing value":
                var empty = FuzzText.Pick(random, Required[file.Name]);
                rows[row][file.IndexOf(empty)] = FuzzText.Pick(random, new[] { "", " ", "  \t" });
                return With(empty, line, rows);
            default:
                return new(kind, file.Name, 1, null, random.Next(2) == 0 ? [] : [0xEF, 0xBB, 0xBF]);
        }
    }

    private static string Body(IEnumerable<string[]> rows) => string.Concat(rows.Select(GeneratedFile.Line));
}
