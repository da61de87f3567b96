using Upheld.Cases;

namespace Upheld.Web.Decisions;

/// <summary>One published decision, with the council it was about (named by code when the register no longer knows it,
/// and linked only when the council has a page for the decision's year).</summary>
public sealed record DecisionPageModel(DecisionRecord Decision, string CouncilName, string? CouncilHref, bool Demonstration, DateTimeOffset? DataAsAt);

/// <summary>The decision search: what was asked, the results (null on the empty form), the problems with what was asked,
/// and the councils the form offers and the results name.</summary>
public sealed record DecisionSearchPageModel(
    DecisionFilter Filter,
    DecisionResults? Results,
    IReadOnlyList<string> Problems,
    IReadOnlyList<(string Code, string Name)> Councils,
    IReadOnlyDictionary<string, string> CouncilNames,
    bool Demonstration,
    DateTimeOffset? DataAsAt);
