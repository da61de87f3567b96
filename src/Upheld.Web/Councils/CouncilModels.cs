using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Web.Councils;

/// <summary>A council's page for one published year: its tiles, its trend over every year it existed in,
/// its letters (and which were revised since publication), the councils it relates to, and its complaint handling
/// (null in years before councils made returns).</summary>
public sealed record CouncilPageModel(
    Authority Council,
    PublishedYear Year,
    IReadOnlyList<(FinancialYear Year, string Href)> Years,
    IReadOnlyList<StatisticTile> Tiles,
    Upheld.Cases.CouncilYear Detail,
    IReadOnlyList<(FinancialYear Year, AuthorityStatistics Statistics, string Href)> Trend,
    IReadOnlyList<(string Heading, IReadOnlyList<(string Name, string? Href)> Links)> Related,
    IReadOnlyList<FinancialYear> Letters,
    IReadOnlyList<FinancialYear> RevisedLetters,
    RecordRevision? Revision,
    Upheld.Storage.DataSource? Source,
    bool Demonstration,
    Upheld.ComplaintHandling.ComplaintHandlingFigures? ComplaintHandling,
    string TypePlural,
    IReadOnlyList<RecordRevision> ComplaintHandlingRevisions);
