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
