namespace Upheld.Import;

/// <summary>Every bad row found by an import, each naming file, physical line and column.</summary>
public sealed class ImportProblems
{
    /// <summary>How many problems are listed in full; the rest are only counted.</summary>
    public const int ListedAtMost = 100;

    private readonly List<string> _listed = [];
    private readonly List<ImportProblem> _details = [];

    public int Count { get; private set; }
    public IReadOnlyList<string> Listed => _listed;

    /// <summary>The listed problems with their parts apart, so a form can show each beside its field.</summary>
    public IReadOnlyList<ImportProblem> Details => _details;
    public bool Any => Count > 0;

    public void Add(string file, int line, string? column, string reason)
    {
        Count++;
        if (_listed.Count < ListedAtMost)
        {
            _listed.Add(column is null ? $"{file} line {line}: {reason}" : $"{file} line {line}, column {column}: {reason}");
            _details.Add(new ImportProblem(file, line, column, reason));
        }
    }

    public void AddForFolder(string reason)
    {
        Count++;
        if (_listed.Count < ListedAtMost) _listed.Add(reason);
    }

    /// <summary>The listed problems, then how many more there were.</summary>
    public IEnumerable<string> Lines() =>
        Count > _listed.Count ? _listed.Append($"... and {Count - _listed.Count} more problems not listed") : _listed;
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
