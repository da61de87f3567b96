using Upheld.Authorities;

namespace Upheld.Demo;

/// <summary>How each type of council behaves in the demonstration data, with its 2019-20 rates.</summary>
/// <param name="ComplaintsPerResident">Relative number of complaints per resident: upper tiers run social care and education.</param>
/// <param name="Investigated">Share of decided complaints that get a detailed investigation.</param>
/// <param name="Uphold">2019-20 upheld share of detailed investigations (the letters print the rounded pooled average).</param>
/// <param name="Compliance">2019-20 share of compliance outcomes complied with.</param>
/// <param name="Remedy">2019-20 share of upheld decisions already remedied by the authority.</param>
public sealed record TypeProfile(AuthorityType Type, double ComplaintsPerResident, double Investigated, double Uphold, double Compliance, double Remedy);

/// <summary>The five type profiles; 2019-20 rates of County, District, Unitary and Metropolitan Borough are those the letters print.</summary>
public static class TypeProfiles
{
    public static readonly IReadOnlyList<TypeProfile> All =
    [
        new(AuthorityType.County, 0.62, 0.27, 0.66, 0.9975, 0.09),
        new(AuthorityType.District, 0.42, 0.15, 0.45, 0.992, 0.20),
        new(AuthorityType.MetropolitanBorough, 1.15, 0.27, 0.67, 0.994, 0.11),
        new(AuthorityType.Unitary, 1.10, 0.26, 0.56, 0.993, 0.11),
        new(AuthorityType.LondonBorough, 1.30, 0.28, 0.62, 0.994, 0.19),
    ];

    public static TypeProfile Of(AuthorityType type) => All.Single(p => p.Type == type);

    /// <summary>The type's target rate in a year: its 2019-20 rate moved by <paramref name="shift"/>, within sensible bounds.</summary>
    public static double Shifted(double rateIn2019, double shift) => Math.Clamp(rateIn2019 + shift, 0.02, 0.98);
}
