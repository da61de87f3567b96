using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Web.Councils;

/// <summary>A council's page for one published year: its tiles, its trend over every year it existed in,
/// its letters (and which were revised since publication), the councils it relates to, and its complaint handling
/// (null in years before councils made returns), its case-mix ratio with the working behind it, its trend charts, and its service-area signals as published (null when the snapshot has no record of it).</summary>
public sealed record CouncilPageModel(
    Authority Council,
    PublishedYear Year,
    IReadOnlyList<(FinancialYear Year, string Href)> Years,
    IReadOnlyList<StatisticTile> Tiles,
    Upheld.Cases.CouncilYear Detail,
    IReadOnlyList<CouncilTrendYear> Trend,
    IReadOnlyList<(string Heading, IReadOnlyList<(string Name, string? Href)> Links)> Related,
    IReadOnlyList<FinancialYear> Letters,
    IReadOnlyList<FinancialYear> RevisedLetters,
    RecordRevision? Revision,
    Upheld.Storage.DataSource? Source,
    bool Demonstration,
    Upheld.ComplaintHandling.ComplaintHandlingFigures? ComplaintHandling,
    string TypePlural,
    IReadOnlyList<RecordRevision> ComplaintHandlingRevisions,
    Upheld.Signals.CaseMixRatio CaseMix,
    IReadOnlyList<Upheld.Web.Trends.TrendSeries> Trends,
    Upheld.Signals.CouncilSignals? Signals);
