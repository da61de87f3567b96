using Upheld.Cases;

namespace Upheld.Web.Staff;

/// <summary>One field of a recording form: the import column it fills, and how it is asked for.</summary>
public sealed record RecordField(string Column, string Label, string? Hint = null, IReadOnlyList<string>? Choices = null, bool Long = false);

/// <summary>What a recording form records: the import file its one row becomes, its table, and the columns that find a stored row.</summary>
/// <remarks>
/// A form submission is written as a one-row file of the import format and run through the <see cref="Upheld.Import.Importer"/>,
/// so a form accepts exactly what an import accepts and refuses it with the same reasons.
/// </remarks>
public sealed record RecordKind(string Slug, string Title, string File, string Table, IReadOnlyList<string> Key, IReadOnlyList<RecordField> Fields)
{
    private const string DateHint = "For example, 2019-11-27 (YYYY-MM-DD)";

    public static readonly RecordKind Decision = new("decision", "A decision", "decisions.csv", "decisions", ["case_ref"],
    [
        new("case_ref", "Case reference", "The ombudsman's reference, such as 19 001 234"),
        new("authority_code", "Council code", "The council's ONS code, such as E10000034"),
        new("received_date", "Date received (optional)", DateHint),
        new("decision_date", "Date decided", DateHint),
        new("category", "Category (optional)", Choices: Outcomes.Categories),
        new("subcategory", "Sub-category (optional)"),
        new("outcome", "Outcome", Choices: Outcomes.Decision),
        new("remedied_by_authority", "Remedied by the council before the complaint came", "Only for an upheld decision", Choices: ["false", "true"]),
        new("summary", "Decision statement (optional)", Long: true),
    ]);

    public static readonly RecordKind Recommendation = new("recommendation", "A recommendation", "recommendations.csv", "recommendations", ["case_ref", "kind", "text"],
    [
        new("case_ref", "Case reference"),
        new("authority_code", "Council code", "The council's ONS code, such as E10000034"),
        new("kind", "Kind", Choices: Outcomes.RecommendationKinds),
        new("remedy_category", "Remedy category (optional)"),
        new("text", "What the council should do", "A recommendation is found again by case, kind and these words", Long: true),
        new("amount_gbp", "Amount in pounds (optional)", "For example, 150.50"),
        new("due_date", "Due date (optional)", DateHint),
    ]);

    public static readonly RecordKind Compliance = new("compliance", "A compliance outcome", "compliance.csv", "compliance", ["case_ref"],
    [
        new("case_ref", "Case reference"),
        new("authority_code", "Council code", "The council's ONS code, such as E10000034"),
        new("recorded_date", "Date recorded", DateHint),
        new("outcome", "Outcome", Choices: Outcomes.Compliance),
    ]);

    public static readonly IReadOnlyList<RecordKind> All = [Decision, Recommendation, Compliance];

    public static RecordKind? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

    public IReadOnlyList<string> Columns => Fields.Select(f => f.Column).ToList();
}
