using Upheld.Cases;
using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>One field of a recording form: the import column it fills, and how it is asked for.</summary>
public sealed record RecordField(string Column, string Label, string? Hint = null, IReadOnlyList<string>? Choices = null, bool Long = false);

/// <summary>What a recording form records (<see cref="CaseRow"/>: the import file its one row becomes, its table and key), and how each field is asked for.</summary>
/// <remarks>
/// A form submission is recorded by <see cref="RecordCase"/> as a one-row file of the import format, so a form accepts exactly
/// what an import accepts and refuses it with the same reasons. The fields are the row's columns, in its order.
/// </remarks>
public sealed record RecordKind(CaseRow Row, string Title, IReadOnlyList<RecordField> Fields)
{
    public string Slug => Row.Slug;
    public string File => Row.File;
    public string Table => Row.Table;
    public IReadOnlyList<string> Key => Row.Key;

    private const string DateHint = "For example, 2019-11-27 (YYYY-MM-DD)";

    public static readonly RecordKind Decision = new(CaseRow.Decision, "A decision",
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

    public static readonly RecordKind Recommendation = new(CaseRow.Recommendation, "A recommendation",
    [
        new("case_ref", "Case reference"),
        new("authority_code", "Council code", "The council's ONS code, such as E10000034"),
        new("kind", "Kind", Choices: Outcomes.RecommendationKinds),
        new("remedy_category", "Remedy category (optional)"),
        new("text", "What the council should do", "A recommendation is found again by case, kind and these words", Long: true),
        new("amount_gbp", "Amount in pounds (optional)", "For example, 150.50"),
        new("due_date", "Due date (optional)", DateHint),
    ]);

    public static readonly RecordKind Compliance = new(CaseRow.Compliance, "A compliance outcome",
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
