namespace Upheld.Authorities;

/// <summary>A council: its ONS code, names, type, place in the two tiers and the days it existed.</summary>
/// <remarks><see cref="ValidTo"/> is the last day, inclusive; null ends are open.</remarks>
public sealed record Authority(
    string Code,
    string Name,
    string OfficialName,
    AuthorityType Type,
    string? Region,
    string? ParentCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> SuccessorCodes)
{
    /// <summary>True when the council existed on the year's 1 April.</summary>
    public bool ExistsIn(FinancialYear year) => ExistsOn(year.FirstDay);

    public bool ExistsOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    /// <summary>The first and last years the council existed in, as text, for messages.</summary>
    public string YearsText =>
        (ValidFrom, ValidTo) switch
        {
            (null, null) => "every year",
            (null, { } to) => $"years up to {FinancialYear.Containing(to)}",
            ({ } from, null) => $"years from {FinancialYear.Containing(from)}",
            ({ } from, { } to) => $"years {FinancialYear.Containing(from)} to {FinancialYear.Containing(to)}",
        };
}
