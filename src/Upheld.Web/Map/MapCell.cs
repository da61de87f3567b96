using Upheld.Statistics;

namespace Upheld.Web.Map;

/// <summary>What one hex of the map says: the council, its printed figure and how it compares with similar councils.</summary>
/// <param name="AgainstExpected">The figure is a case-mix ratio, compared with what the council's mix of services explains rather than with similar councils.</param>
public sealed record MapCell(string Code, string Name, string Href, string? Figure, Comparison? Comparison, bool AgainstExpected = false)
{
    public string CssClass => Comparison switch
    {
        Statistics.Comparison.Higher => "upheld-higher",
        Statistics.Comparison.Lower => "upheld-lower",
        Statistics.Comparison.Similar => "upheld-similar",
        _ => "upheld-none",
    };

    public string ComparisonText => AgainstExpected ? Comparison switch
    {
        Statistics.Comparison.Higher => "more upheld than its mix of services explains",
        Statistics.Comparison.Lower => "fewer upheld than its mix of services explains",
        Statistics.Comparison.Similar => "about as many upheld as its mix of services explains",
        _ => "no data",
    } : Comparison switch
    {
        Statistics.Comparison.Higher => "higher than the average of similar councils",
        Statistics.Comparison.Lower => "lower than the average of similar councils",
        Statistics.Comparison.Similar => "similar to the average of similar councils",
        _ => "no data",
    };

    /// <summary>The accessible name and tooltip: "Rutland: 100%, similar to the average of similar councils".</summary>
    public string Label => Figure is null ? $"{Name}: no data" : $"{Name}: {Figure}, {ComparisonText}";
}
