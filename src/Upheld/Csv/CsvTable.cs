namespace Upheld.Csv;

/// <summary>A CSV file read with its header: fields by column name, rows with the wrong field count refused.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly IEnumerator<CsvRecord> _records;

    private CsvTable(string fileName, IEnumerator<CsvRecord> records, Dictionary<string, int> columns, int headerLength)
    {
        FileName = fileName;
        _records = records;
        _columns = columns;
        HeaderLength = headerLength;
    }

    public string FileName { get; }
    public int HeaderLength { get; }
    public IEnumerable<string> ColumnNames => _columns.Keys;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>Reads the header; reports missing required columns and returns null when the file cannot be used.</summary>
    public static CsvTable? Open(string fileName, string text, IReadOnlyCollection<string> required, Action<int, string?, string> report) =>
        Open(fileName, CsvReader.Read(text), required, report);

    /// <summary>Reads the header of UTF-8 bytes as they stream; the rows are read from the stream as <see cref="Rows"/> is enumerated.</summary>
    public static CsvTable? Open(string fileName, Stream utf8, IReadOnlyCollection<string> required, Action<int, string?, string> report) =>
        Open(fileName, CsvReader.Read(utf8), required, report);

    private static CsvTable? Open(string fileName, IEnumerable<CsvRecord> records, IReadOnlyCollection<string> required, Action<int, string?, string> report)
    {
        var enumerator = records.GetEnumerator();
        CsvRecord header = default;
        try
        {
            if (enumerator.MoveNext()) header = enumerator.Current;
        }
        catch (CsvFormatException e)
        {
            report(e.Line, null, e.Message);
            return null;
        }
        if (header.Fields is null)
        {
            report(1, null, "the file is empty; it needs at least a header row");
            return null;
        }
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var name = header.Fields[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i)) report(1, name, "the column appears twice in the header");
        }
        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        foreach (var column in missing) report(1, column, "required column is missing from the header");
        return missing.Count > 0 ? null : new CsvTable(fileName, enumerator, columns, header.Fields.Length);
    }

    /// <summary>The data rows, read once as they stream; a broken row structure is reported and ends the file.</summary>
    public IEnumerable<CsvRow> Rows(Action<int, string?, string> report)
    {
        using var records = _records;
        while (true)
        {
            try
            {
                if (!records.MoveNext()) yield break;
            }
            catch (CsvFormatException e)
            {
                report(e.Line, null, e.Message);
                yield break;
            }
            var record = records.Current;
            if (record.Fields.Length != HeaderLength)
            {
                report(record.Line, null, $"the row has {record.Fields.Length} fields but the header has {HeaderLength}");
                continue;
            }
            yield return new CsvRow(this, record);
        }
    }

    // Readers ask for a column by the same literal name row after row, so a name is first looked for by reference among
    // those asked before, which spares hashing it: a million rows ask some ten million times. The list is replaced, never
    // changed, so a reader on another thread sees it whole.
    private (string Name, int Index)[] _asked = [];

    internal int IndexOf(string column)
    {
        var asked = _asked;
        foreach (var (name, index) in asked)
            if (ReferenceEquals(name, column)) return index;
        var found = _columns.TryGetValue(column, out var at) ? at : -1;
        if (asked.Length < 32) _asked = [.. asked, (column, found)];
        return found;
    }
}

/// <summary>One data row of a <see cref="CsvTable"/>.</summary>
public readonly struct CsvRow(CsvTable table, CsvRecord record)
{
    public int Line => record.Line;

    /// <summary>The field trimmed of surrounding spaces, or null when the column is absent or the field empty.</summary>
    public string? this[string column]
    {
        get
        {
            var index = table.IndexOf(column);
            if (index < 0) return null;
            var value = record.Fields[index].Trim();
            return value.Length == 0 ? null : value;
        }
    }

    /// <summary>The field exactly as written (free text keeps its spaces), or null when absent or empty.</summary>
    public string? Text(string column)
    {
        var index = table.IndexOf(column);
        if (index < 0) return null;
        var value = record.Fields[index];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
