using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>A form's problems by field name (the import's column name), in the order found; "" is a problem of the whole form.</summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> _all = [];

    public static readonly FormErrors None = new();

    public IReadOnlyList<(string Field, string Message)> All => _all;
    public bool Any => _all.Count > 0;

    public string? For(string field) => _all.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    public FormErrors Add(string field, string message)
    {
        _all.Add((field, message));
        return this;
    }

    /// <summary>The importer's problems with the form's one row, each beside the column it names; the line number means nothing on a form.</summary>
    public static FormErrors From(ImportProblems problems, IReadOnlyCollection<string> fields)
    {
        var errors = new FormErrors();
        foreach (var p in problems.Details)
            errors.Add(p.Column is { } c && fields.Contains(c) ? c : "", Sentence(p.Reason.Replace("use --replace to change it", "to change it, correct the stored record", StringComparison.Ordinal)));
        if (problems.Details.Count == 0)
            foreach (var line in problems.Lines()) errors.Add("", Sentence(line));
        return errors;
    }

    private static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];
}
