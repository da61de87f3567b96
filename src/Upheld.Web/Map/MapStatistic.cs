using Upheld.Statistics;

namespace Upheld.Web.Map;

/// <summary>A statistic the map can show, with its URL name and the words that describe it.</summary>
public sealed record MapStatistic(string Slug, string Title, string Measure, Func<AuthorityStatistics, Statistic> Of)
{
    public static readonly IReadOnlyList<MapStatistic> All =
    [
        new("uphold", "Complaints upheld", "of detailed investigations upheld", s => s.Uphold),
        new("compliance", "Compliance with recommendations", "of compliance outcomes where the council carried out the recommendations", s => s.Compliance),
        new("satisfactory-remedy", "Satisfactory remedies provided by the council", "of upheld complaints the council had already put right", s => s.SatisfactoryRemedy),
        new("per-100k", "Upheld complaints per 100,000 residents", "upheld complaints per 100,000 residents", s => s.UpheldPer100k),
    ];

    public static MapStatistic? Find(string? slug) => All.FirstOrDefault(s => s.Slug == slug);
}
