using System.Globalization;

namespace Upheld.Cases;

/// <summary>A decision as read from the store; a class with setters so Dapper maps either engine's column types.</summary>
/// <remarks>Queries select the columns they need; members of columns not selected keep their defaults.</remarks>
internal sealed class DecisionRow
{
    public string CaseRef { get; set; } = "";
    public string AuthorityCode { get; set; } = "";
    public FinancialYear Year { get; set; }
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public string DecisionDate { get; set; } = "";
    public string Outcome { get; set; } = "";
    public long RemediedByAuthority { get; set; }
    public string? Summary { get; set; }

    public DecisionSummary ToSummary() => new(CaseRef, Category, Subcategory, Date(DecisionDate), Outcome, RemediedByAuthority == 1, Summary);

    public DecisionHit ToHit() => new(CaseRef, AuthorityCode, Category, Subcategory, Date(DecisionDate), Outcome, Summary);

    internal static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
