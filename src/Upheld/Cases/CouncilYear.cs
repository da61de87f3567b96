namespace Upheld.Cases;

/// <summary>A decided complaint as the public sees it.</summary>
public sealed record DecisionSummary(string CaseRef, string? Category, string? Subcategory, DateOnly DecisionDate, string Outcome, bool RemediedByAuthority, string? Summary);

/// <summary>A public report issued about a council.</summary>
public sealed record PublicReportSummary(string CaseRef, DateOnly IssuedDate, string? Title, string? Summary);

/// <summary>A service improvement a council agreed to make after an upheld complaint.</summary>
public sealed record ServiceImprovement(string CaseRef, string Text, DateOnly DecisionDate);

/// <summary>Everything the public page of one council says about one year beyond the key statistics.</summary>
/// <remarks>Decisions and service improvements belong to the year of their decision, reports to the year they were issued.</remarks>
public sealed record CouncilYear(
    IReadOnlyDictionary<string, int> ReceivedByCategory,
    IReadOnlyDictionary<string, int> DecisionsByOutcome,
    IReadOnlyList<DecisionSummary> UpheldDecisions,
    IReadOnlyList<PublicReportSummary> PublicReports,
    IReadOnlyList<ServiceImprovement> ServiceImprovements)
{
    /// <summary>The groups of outcomes on the ombudsman's newer pages, in the order a complaint passes through them.</summary>
    public static readonly IReadOnlyList<(string Group, string[] Outcomes)> OutcomeGroups =
    [
        ("Not for us", ["invalid_incomplete", "advice_given", "referred_back"]),
        ("Assessed and closed", ["closed_after_initial_enquiries"]),
        ("Investigated", [Outcomes.NotUpheld, Outcomes.Upheld]),
    ];

    public int Decided => DecisionsByOutcome.Values.Sum();

    public int InGroup(string group) => OutcomeGroups.Single(g => g.Group == group).Outcomes.Sum(o => DecisionsByOutcome.GetValueOrDefault(o));
}
