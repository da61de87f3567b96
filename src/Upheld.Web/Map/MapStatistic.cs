using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Statistics;
using Upheld.Statistics.Funnels;

namespace Upheld.Web.Map;

/// <summary>A statistic the map and compare pages can show, with its URL name and the words that describe it.</summary>
/// <param name="Key">Picks a key statistic out of a council's record; null for a complaint-handling figure.</param>
/// <param name="Handling">Picks a complaint-handling figure (docs/statistics.md, "Complaint handling") with its count and denominator.</param>
/// <param name="Denominator">What the denominator counts, for the funnel's axis and table: "Detailed investigations".</param>
/// <param name="IsCaseMix">The case-mix ratio (docs/statistics.md, "Case-mix ratio"): compared with 1, its funnel drawn against precision.</param>
public sealed record MapStatistic(string Slug, string Title, string Measure, string Denominator,
    Func<AuthorityStatistics, Statistic>? Key = null,
    Func<ComplaintHandlingFigures, (Statistic Statistic, long Count, long Denominator)>? Handling = null,
    bool IsCaseMix = false)
{
    public static readonly IReadOnlyList<MapStatistic> All =
    [
        new("uphold", "Complaints upheld", "of detailed investigations upheld", "Detailed investigations", s => s.Uphold),
        // Compared with 1, what every council in England together upholds, not with similar councils.
        new("case-mix", "Upheld against expected, given the mix of services", "upheld complaints to those expected given the council's mix of services",
            "Precision (expected² ÷ variance)", IsCaseMix: true),
        new("compliance", "Compliance with recommendations", "of compliance outcomes where the council carried out the recommendations", "Compliance outcomes", s => s.Compliance),
        new("satisfactory-remedy", "Satisfactory remedies provided by the council", "of upheld complaints the council had already put right", "Upheld complaints", s => s.SatisfactoryRemedy),
        new("per-100k", "Upheld complaints per 100,000 residents", "upheld complaints per 100,000 residents", "Residents", s => s.UpheldPer100k),
        // A proportion like compliance: a binomial funnel. A council that sent no return has no figure, as one with no responses.
        new("stage1-in-time", "Stage 1 answered in time", "of the council's stage 1 complaint responses given within the Code's timescale", "Stage 1 responses",
            Handling: f => (f.Stage1InTime, f.Counts.Stage1?.InTime ?? 0, f.Counts.Stage1?.Responded ?? 0)),
    ];

    public static MapStatistic? Find(string? slug) => All.FirstOrDefault(s => s.Slug == slug);

    public bool IsPerHead => Slug == "per-100k";

    /// <summary>Each council's figure of the statistic in a published year, by code, with its count and denominator.</summary>
    public Func<string, (Statistic Statistic, long Count, long? Denominator)> In(SiteData data, PublishedYear year)
    {
        if (Key is { } key)
        {
            var funnel = Compare.CompareChoice.Funnel(this);
            return code =>
            {
                var s = year.Statistics[code];
                var unit = funnel.Unit(s.Counts);
                return (key(s), unit.Count, IsPerHead ? s.Counts.Population : unit.Denominator);
            };
        }
        if (IsCaseMix)
        {
            var caseMix = data.CaseMix(year.Year)!;
            return code => caseMix.Of(code) is { } r ? (CaseMixStatistic(r), r.ObservedUpheld, r.Investigations) : (new Statistic(Figure.None, null, Figure.None, null), 0, 0);
        }
        var figures = data.ComplaintHandling(year.Year)!;
        return code => Handling!(figures[code]) is var (statistic, count, denominator) ? (statistic, count, denominator) : default;
    }

    /// <summary>A case-mix ratio as a map's figure: the printed ratio, its interval, and 1 as the figure it is compared with.</summary>
    public static Statistic CaseMixStatistic(Upheld.Signals.CaseMixRatio r) =>
        new(r.Ratio is { } ratio ? new Figure(ratio, r.RatioText) : Figure.None, r.Interval, new Figure(Rational.One, "1.00"), r.Comparison);

    /// <summary>The funnel of the councils of one type in a published year.</summary>
    public FunnelPlot Funnel(SiteData data, PublishedYear year, AuthorityType type, Overdispersion adjustment)
    {
        if (IsCaseMix) throw new InvalidOperationException("The case-mix ratio has a funnel of its own around 1 (CaseMixFunnel).");
        if (Key is not null) return Compare.CompareChoice.Funnel(this).Funnel(type, year.Statistics.Values.Select(s => s.Counts), adjustment);
        var of = In(data, year);
        var units = year.Statistics.Values.Where(s => s.Type == type)
            .Select(s => of(s.Code) is var (_, count, denominator) ? new FunnelUnit(s.Code, s.Name, count, denominator ?? 0) : null!);
        return FunnelPlot.Compute(units, FunnelModel.Binomial, adjustment);
    }
}
