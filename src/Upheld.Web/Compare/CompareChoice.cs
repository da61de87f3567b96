using Upheld.Authorities;
using Upheld.Statistics.Funnels;
using Upheld.Web.Map;

namespace Upheld.Web.Compare;

/// <summary>The URL names of what a compare page shows: authority type, statistic and over-dispersion adjustment.</summary>
public static class CompareChoice
{
    public static readonly IReadOnlyList<(string Slug, AuthorityType Type, string Plural)> Types =
    [
        ("county", AuthorityType.County, "County councils"),
        ("district", AuthorityType.District, "District councils"),
        ("metropolitan-borough", AuthorityType.MetropolitanBorough, "Metropolitan borough councils"),
        ("unitary", AuthorityType.Unitary, "Unitary councils"),
        ("london-borough", AuthorityType.LondonBorough, "London borough councils"),
    ];

    public static readonly IReadOnlyList<(string? Slug, Overdispersion Adjustment, string Words)> Adjustments =
    [
        (null, Overdispersion.None, "Chance alone"),
        ("multiplicative", Overdispersion.Multiplicative, "Widened for over-dispersion (multiplicative)"),
        ("additive", Overdispersion.Additive, "Widened for over-dispersion (additive)"),
    ];

    public static AuthorityType? Type(string? slug) => Types.FirstOrDefault(t => t.Slug == slug) is { Slug: not null } t ? t.Type : null;

    public static string TypeSlug(AuthorityType type) => Types.First(t => t.Type == type).Slug;

    public static string Plural(AuthorityType type) => Types.First(t => t.Type == type).Plural;

    public static Overdispersion? Adjustment(string? slug) =>
        Adjustments.FirstOrDefault(a => a.Slug == slug && slug is not null) is { Slug: not null } a ? a.Adjustment : null;

    public static FunnelStatistic Funnel(MapStatistic statistic) => statistic.Slug switch
    {
        "uphold" => FunnelStatistic.Uphold,
        "compliance" => FunnelStatistic.Compliance,
        "satisfactory-remedy" => FunnelStatistic.SatisfactoryRemedy,
        _ => FunnelStatistic.UpheldPer100k,
    };

    /// <summary>What the denominator counts, for the axis and the table: "Detailed investigations".</summary>
    public static string Denominator(FunnelStatistic statistic) => statistic switch
    {
        FunnelStatistic.Uphold => "Detailed investigations",
        FunnelStatistic.Compliance => "Compliance outcomes",
        FunnelStatistic.SatisfactoryRemedy => "Upheld complaints",
        _ => "Residents",
    };

    /// <summary>The lasting path of a compare page.</summary>
    public static string Path(AuthorityType type, FinancialYear year, MapStatistic statistic, Overdispersion adjustment = Overdispersion.None) =>
        $"/compare/{TypeSlug(type)}/{year}/{statistic.Slug}" +
        (Adjustments.First(a => a.Adjustment == adjustment).Slug is { } slug ? "/" + slug : "");

    public static string Words(FunnelPosition position) => position switch
    {
        FunnelPosition.Above998 => "above the 99.8% limit",
        FunnelPosition.Above95 => "above the 95% limit",
        FunnelPosition.Below998 => "below the 99.8% limit",
        FunnelPosition.Below95 => "below the 95% limit",
        _ => "within the limits",
    };
}
