using Upheld.Statistics;

namespace Upheld.Web.Map;

/// <summary>What one hex of the map says: the council, its printed figure and how it compares with similar councils.</summary>
public sealed record MapCell(string Code, string Name, string Href, string? Figure, Comparison? Comparison)
{
    public string CssClass => Comparison switch
    {
        Statistics.Comparison.Higher => "upheld-higher",
        Statistics.Comparison.Lower => "upheld-lower",
        Statistics.Comparison.Similar => "upheld-similar",
        _ => "upheld-none",
    };

    public string ComparisonText => Comparison switch
    {
        Statistics.Comparison.Higher => "higher than the average of similar councils",
        Statistics.Comparison.Lower => "lower than the average of similar councils",
        Statistics.Comparison.Similar => "similar to the average of similar councils",
        _ => "no data",
    };

    /// <summary>The accessible name and tooltip: "Rutland: 100%, similar to the average of similar councils".</summary>
    public string Label => Figure is null ? $"{Name}: no data" : $"{Name}: {Figure}, {ComparisonText}";
}
