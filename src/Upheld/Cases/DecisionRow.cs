using System.Globalization;

namespace Upheld.Cases;

/// <summary>A decision as read from the store; a class with setters so Dapper maps either engine's column types.</summary>
internal sealed class DecisionRow
{
    public string Case_Ref { get; set; } = "";
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public string Decision_Date { get; set; } = "";
    public string Outcome { get; set; } = "";
    public long Remedied_By_Authority { get; set; }
    public string? Summary { get; set; }

    public DecisionSummary ToSummary() => new(Case_Ref, Category, Subcategory,
        DateOnly.ParseExact(Decision_Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), Outcome, Remedied_By_Authority == 1, Summary);
}
