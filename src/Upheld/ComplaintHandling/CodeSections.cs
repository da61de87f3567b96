using System.Reflection;
using Upheld.Csv;

namespace Upheld.ComplaintHandling;

/// <summary>One row of the Complaint Handling Code's self-assessment template: its identifier and title.</summary>
/// <param name="Section">The Code's own section number, 1 to 9.</param>
/// <param name="Id">As <c>code_self_assessments.csv</c> writes it: <c>1</c>…<c>9</c>, section 6 as <c>6-stage-1</c> and <c>6-stage-2</c>.</param>
public sealed record CodeSection(string Id, string Section, string Title)
{
    /// <summary>The section as a reader sees it named: its number and title ("6. Stage 1…").</summary>
    public string Heading => $"{Section}. {Title}";
}

/// <summary>The template's sections, shipped as reference data with their source (<c>Reference/SOURCES.md</c>).</summary>
public static class CodeSections
{
    private static readonly Lazy<IReadOnlyList<CodeSection>> Loaded = new(Load);

    /// <summary>Every section in the template's order.</summary>
    public static IReadOnlyList<CodeSection> All => Loaded.Value;

    public static IReadOnlyList<string> Ids { get; } = All.Select(s => s.Id).ToList();

    public static CodeSection? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>A section identifier's heading; an identifier the template does not know is shown as it is.</summary>
    public static string HeadingOf(string id) => Find(id)?.Heading ?? id;

    private static IReadOnlyList<CodeSection> Load()
    {
        const string name = "Upheld.ComplaintHandling.Reference.code-sections.csv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"reference file {name} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var records = CsvReader.Read(CsvReader.Decode(memory.ToArray())).ToList();
        return records.Skip(1).Select(r => new CodeSection(r.Fields[0], r.Fields[1], r.Fields[2])).ToList();
    }
}
