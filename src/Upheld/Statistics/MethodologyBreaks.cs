namespace Upheld.Statistics;

/// <summary>A change in how the ombudsman worked or counted, after which figures are not comparable with those before.</summary>
/// <param name="Label">A word or two that marks the break on a chart, where the whole sentence does not fit.</param>
public sealed record MethodologyBreak(FinancialYear FirstYearAffected, string When, string What, string Label);

/// <summary>The breaks every trend marks (docs/statistics.md, "Methodology breaks").</summary>
public static class MethodologyBreaks
{
    public static readonly IReadOnlyList<MethodologyBreak> All =
    [
        new(new FinancialYear(2014), "April 2014", "The ombudsman began recording decisions as upheld or not upheld.", "Upheld recorded"),
        new(new FinancialYear(2020), "March to June 2020", "No new complaints were accepted for three months because of Covid-19.", "Covid-19"),
        new(new FinancialYear(2022), "2022-23", "The ombudsman changed its investigation process; uphold rates rose across the board.", "New process"),
    ];

    /// <summary>The break that begins with <paramref name="year"/>, if any.</summary>
    public static MethodologyBreak? StartingIn(FinancialYear year) => All.FirstOrDefault(b => b.FirstYearAffected == year);
}
