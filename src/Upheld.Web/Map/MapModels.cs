using Upheld.Maps;

namespace Upheld.Web.Map;

/// <summary>A year's hex map of one statistic and tier: every cell with its figure, and the years a reader can switch to.</summary>
public sealed record MapPageModel(
    PublishedYear Year,
    IReadOnlyList<(FinancialYear Year, DateTimeOffset At)> Years,
    MapStatistic Statistic,
    MapTier Tier,
    HexGeometry Geometry,
    IReadOnlyList<(MapCell Cell, HexCell Hex)> Cells,
    bool Demonstration);
