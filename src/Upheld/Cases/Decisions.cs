namespace Upheld.Cases;

/// <summary>What a visitor asks of the decision search; every part is optional.</summary>
/// <param name="Words">Free text: every word must appear in the decision's category, sub-category or statement.</param>
/// <param name="Page">The page wanted, from 1.</param>
public sealed record DecisionFilter(
    string? Words = null, string? Council = null, string? Category = null, string? Outcome = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>One decision in a list of search results.</summary>
public sealed record DecisionHit(string CaseRef, string AuthorityCode, string? Category, string? Subcategory, DateOnly DecisionDate, string Outcome, string? Summary);

/// <summary>One page of search results and how many decisions matched, counted up to <see cref="CountLimit"/>.</summary>
/// <param name="Total">Decisions matched, at most <see cref="CountLimit"/>.</param>
/// <param name="MoreThanCounted">More decisions matched than <see cref="CountLimit"/>; only the newest of them can be paged to.</param>
/// <param name="IgnoredWords">Words left out of the search as too common (<see cref="CommonWords"/>).</param>
public sealed record DecisionResults(int Total, int Page, IReadOnlyList<DecisionHit> Hits, bool MoreThanCounted = false, IReadOnlyList<string>? IgnoredWords = null)
{
    public const int PageSize = 20;

    /// <summary>Counting stops here, so every search takes about the same time however common its words.</summary>
    public const int CountLimit = 1000;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A remedy the council agreed to, as the ombudsman recommended it.</summary>
/// <param name="Kind">personal (for the complainant) or service_improvement (for everyone).</param>
public sealed record AgreedRemedy(string Kind, string Text, long? AmountPence);

/// <summary>A published decision in full, for its own page.</summary>
public sealed record DecisionRecord(
    string CaseRef, string AuthorityCode, FinancialYear Year, string? Category, string? Subcategory, DateOnly DecisionDate,
    string Outcome, bool RemediedByAuthority, string? Summary, IReadOnlyList<AgreedRemedy> Remedies);
