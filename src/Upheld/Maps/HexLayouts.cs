using Upheld.Authorities;

namespace Upheld.Maps;

/// <summary>The hex map of each year and tier, matching that year's councils exactly.</summary>
public static class HexLayouts
{
    /// <summary>The layout for <paramref name="year"/>; <paramref name="councils"/> are the councils of every tier that existed in it.</summary>
    /// <exception cref="InvalidDataException">A council of the year has no cell (a council added by an import, for example).</exception>
    public static HexLayout For(FinancialYear year, MapTier tier, IEnumerable<Authority> councils)
    {
        var cells = tier == MapTier.Lower ? HexJson.Read(LowerTierFile(year)) : UpperTierLayouts.For(year);
        var wanted = councils.Where(c => c.ExistsIn(year) && InTier(c.Type, tier)).Select(c => c.Code).ToList();
        var missing = wanted.Where(c => !cells.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"the {tier.ToString().ToLowerInvariant()}-tier map of {year} has no cell for {string.Join(", ", missing)}");
        return new HexLayout(year, tier, wanted.Order(StringComparer.Ordinal).Select(c => cells[c]).ToList());
    }

    public static bool InTier(AuthorityType type, MapTier tier) => tier switch
    {
        MapTier.Lower => type != AuthorityType.County,
        _ => type != AuthorityType.District,
    };

    // Each file fits the councils alive on 1 April of its year; there were no changes in 2022 or 2024.
    private static string LowerTierFile(FinancialYear year) => year.StartYear switch
    {
        <= 2018 => "uk-local-authority-districts-2018.hexjson",
        2019 => "uk-local-authority-districts-2019.hexjson",
        2020 => "uk-local-authority-districts-2020.hexjson",
        2021 or 2022 => "uk-local-authority-districts-2021.hexjson",
        _ => "uk-local-authority-districts-2023.hexjson",
    };
}
