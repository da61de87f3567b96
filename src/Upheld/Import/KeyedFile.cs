using System.Globalization;
using Upheld.Csv;

namespace Upheld.Import;

/// <summary>One import file whose rows are keyed: how to read a row into a table's columns, key columns first.</summary>
internal interface IFileImport
{
    FileSummary Import(ImportRun run, string text, Action<int>? progress);
}

/// <summary>The shared loop of keyed files: read, validate, refuse duplicates within the file, write or refuse a conflict.</summary>
internal sealed class KeyedFile(
    string file,
    string[] required,
    string table,
    string[] columns,
    int keyCount,
    Func<ImportRun, CsvRow, object?[]?> read,
    int insertOnly = 0) : IFileImport
{
    private const int ProgressEvery = 20_000;

    public FileSummary Import(ImportRun run, string text, Action<int>? progress)
    {
        var csv = CsvTable.Open(file, text, required, run.Report);
        if (csv is null) return new FileSummary(file, 0, 0, 0, 0);
        using var bulk = BulkLoad.Begin(run, table, text.AsSpan().Count('\n'));
        using var writer = new KeyedTableWriter(run.Connection, run.Transaction, table, columns, keyCount, insertOnly);
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        int rows = 0, added = 0, unchanged = 0, replaced = 0;
        foreach (var row in csv.Rows(run.Report))
        {
            if (++rows % ProgressEvery == 0) progress?.Invoke(rows);
            run.StartRow();
            var values = read(run, row);
            if (values is null || run.RowIsBad) continue;
            var key = keyCount == 1 ? (string)values[0]! : string.Join('\u001f', values.Take(keyCount));
            if (!firstLineOfKey.TryAdd(key, row.Line))
            {
                run.Report(row.Line, columns[0], $"{Describe(values)} appears again in this file (first on line {firstLineOfKey[key]})");
                continue;
            }
            // Rows are written even after a problem, inside the transaction that will then be rolled back,
            // so that every conflict with stored rows is found and reported, not just the first.
            Count(writer.Write(row.Line, values, run.Replace));
        }
        Count(writer.Flush(run.Replace));
        progress?.Invoke(rows);
        return new FileSummary(file, rows, added, unchanged, replaced);

        void Count(IReadOnlyList<WrittenRow> written)
        {
            foreach (var w in written)
            {
                switch (w.Fate)
                {
                    case RowFate.Added: added++; break;
                    case RowFate.Unchanged: unchanged++; break;
                    case RowFate.Replaced: replaced++; break;
                    default:
                        var given = Convert.ToString(w.Values[Array.IndexOf(columns, w.Column)], CultureInfo.InvariantCulture);
                        run.Report(w.Line, w.Column, $"{Describe(w.Values)} is already stored with {w.Column} {Quote(w.Column!, w.Stored)}, " +
                            $"not {Quote(w.Column!, given)}; use --replace to change it");
                        break;
                }
            }
        }
    }

    private string Describe(object?[] values) =>
        string.Join(" ", columns.Take(keyCount)
            .Select((c, i) => (Column: c, Value: Convert.ToString(values[i], CultureInfo.InvariantCulture)))
            .Where(k => k.Column != "text_hash")
            .Select(k => $"{k.Column} {Quote(k.Column, k.Value)}"));

    private static string Quote(string column, string? value) => value switch
    {
        null => "(empty)",
        _ when column == "year" && int.TryParse(value, out var year) => $"'{new FinancialYear(year)}'",
        _ when column == "remedied_by_authority" => value == "1" ? "'true'" : "'false'",
        _ when column == "amount_pence" && long.TryParse(value, out var pence) => $"'{Money.Pounds(pence)}'",
        _ => $"'{(value.Length > 60 ? value[..57] + "..." : value)}'",
    };
}
