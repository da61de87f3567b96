using Upheld.Authorities;
using Upheld.Statistics.Funnels;
using Upheld.Web.Map;

namespace Upheld.Web.Compare;

/// <summary>A funnel plot of one statistic for the councils of one type in one year, and the same councils as table rows.</summary>
public sealed record ComparePageModel(
    AuthorityType Type,
    PublishedYear Year,
    MapStatistic Statistic,
    Overdispersion Adjustment,
    FunnelChart Chart,
    IReadOnlyList<CompareRow> Rows,
    bool Demonstration);

/// <summary>One council on the case-mix compare page: its point, its page, and what it says in words.</summary>
public sealed record CaseMixCompareRow(Upheld.Signals.CaseMixPoint Point, string Href)
{
    /// <summary>"1.18, 80 upheld where 68 were expected, above the 95% limit".</summary>
    public string Words => $"{Point.Council.RatioText}, {Point.Council.ObservedUpheld:N0} upheld where {Point.Council.ExpectedText} {(Point.Council.ExpectedText == "1" ? "was" : "were")} expected, {CompareChoice.Words(Point.Position)}";

    /// <summary>The accessible name and tooltip: "Worcestershire: 1.18, 80 upheld where 68 were expected, above the 95% limit".</summary>
    public string Label => $"{Point.Name}: {Words}";
}

/// <summary>The case-mix ratios of the councils of one type in one year as a funnel around 1, and the same councils as table rows.</summary>
/// <param name="TypeRatio">The councils of the type taken together: upheld ÷ expected.</param>
public sealed record CaseMixComparePageModel(
    AuthorityType Type,
    PublishedYear Year,
    MapStatistic Statistic,
    Overdispersion Adjustment,
    CaseMixChart Chart,
    IReadOnlyList<CaseMixCompareRow> Rows,
    Upheld.Statistics.Rational? TypeRatio,
    bool Demonstration);
