namespace Upheld.Import;

/// <summary>Every bad row found by an import, each naming file, physical line and column.</summary>
/// <remarks>
/// Problems are listed in the order of the files and, within a file, of their lines, whatever order the checks find
/// them in: checks made row by row as a file streams come first, checks made on the whole file at its end (duplicate
/// keys, rows that differ from stored ones) later. Only the first <see cref="ListedAtMost"/> are kept; the rest are counted.
/// </remarks>
public sealed class ImportProblems
{
    /// <summary>How many problems are listed in full; the rest are only counted.</summary>
    public const int ListedAtMost = 100;

    private readonly List<(int File, int Line, string Text, ImportProblem? Detail)> _first = [];
    private readonly Dictionary<string, int> _fileOrder = new(StringComparer.Ordinal);

    public int Count { get; private set; }
    public IReadOnlyList<string> Listed => _first.Select(p => p.Text).ToList();

    /// <summary>The listed problems with their parts apart, so a form can show each beside its field.</summary>
    public IReadOnlyList<ImportProblem> Details => _first.Where(p => p.Detail is not null).Select(p => p.Detail!).ToList();
    public bool Any => Count > 0;

    public void Add(string file, int line, string? column, string reason)
    {
        if (!_fileOrder.TryGetValue(file, out var order)) _fileOrder[file] = order = _fileOrder.Count;
        Keep(order, line, () => (column is null ? $"{file} line {line}: {reason}" : $"{file} line {line}, column {column}: {reason}",
            new ImportProblem(file, line, column, reason)));
    }

    public void AddForFolder(string reason) => Keep(-1, 0, () => (reason, null));

    /// <summary>
    /// Takes back every problem of <paramref name="file"/>, when the file is read again from its start
    /// (<see cref="KeyedFile"/>): <paramref name="countBefore"/> is <see cref="Count"/> before the file was first read.
    /// </summary>
    /// <remarks>The file's problems come last in the listing, so taking them back never brings back one left out for them.</remarks>
    public void ForgetFile(string file, int countBefore)
    {
        if (_fileOrder.TryGetValue(file, out var order)) _first.RemoveAll(p => p.File == order);
        Count = countBefore;
    }

    private void Keep(int file, int line, Func<(string Text, ImportProblem? Detail)> describe)
    {
        Count++;
        if (_first.Count == ListedAtMost && (file, line).CompareTo((_first[^1].File, _first[^1].Line)) >= 0) return;
        var at = _first.Count;
        while (at > 0 && (file, line).CompareTo((_first[at - 1].File, _first[at - 1].Line)) < 0) at--;
        var (text, detail) = describe();
        _first.Insert(at, (file, line, text, detail));
        if (_first.Count > ListedAtMost) _first.RemoveAt(_first.Count - 1);
    }

    /// <summary>The listed problems, then how many more there were.</summary>
    public IEnumerable<string> Lines() =>
        Count > _first.Count ? Listed.Append($"... and {Count - _first.Count} more problems not listed") : Listed;
}

/// <summary>One bad row's problem: file, physical line, column (null for the whole row) and reason.</summary>
public sealed record ImportProblem(string File, int Line, string? Column, string Reason);

/// <summary>What an import did to one file's rows.</summary>
public sealed record FileSummary(string File, int Rows, int Added, int Unchanged, int Replaced);

/// <summary>The outcome of an import: nothing written when <see cref="Problems"/> has any.</summary>
public sealed record ImportResult(IReadOnlyList<FileSummary> Files, ImportProblems Problems)
{
    public bool Succeeded => !Problems.Any;
}
