namespace Upheld.Demo;

/// <summary>One year of the demonstration dataset: its national size and rates, and when it was published.</summary>
/// <param name="Received">Complaints and enquiries registered in the year, nationally.</param>
/// <param name="UpholdRate">Upheld share of detailed investigations, nationally.</param>
/// <param name="RemedyRate">Share of upheld decisions already remedied by the authority.</param>
/// <param name="ComplianceRate">Share of compliance outcomes where the authority complied, on time or late.</param>
/// <param name="ClosedUntil">The first day new complaints were accepted again, in a year the ombudsman stopped accepting them.</param>
public sealed record DemoYear(
    FinancialYear Year, int Received, double UpholdRate, double RemedyRate, double ComplianceRate,
    DateTimeOffset PublishedAt, DateOnly? ClosedUntil = null);

/// <summary>The eight demonstration years, following the ombudsman's published national picture.</summary>
public static class DemoYears
{
    /// <summary>The year the five real letters describe; its figures are calibrated most tightly.</summary>
    public static readonly FinancialYear LettersYear = new(2019);

    // 2019-20 was published on 29 July 2020; the other dates are plausible past dates, not the real ones.
    public static readonly IReadOnlyList<DemoYear> All =
    [
        new(new(2018), 16_900, 0.58, 0.12, 0.994, At(2019, 7, 31)),
        new(new(2019), 17_000, 0.61, 0.13, 0.994, At(2020, 7, 29)),
        // No new complaints were accepted from late March to the end of June 2020 (Covid-19).
        new(new(2020), 11_830, 0.67, 0.13, 0.995, At(2021, 7, 28), ClosedUntil: new DateOnly(2020, 6, 29)),
        new(new(2021), 15_900, 0.68, 0.14, 0.996, At(2022, 7, 20)),
        // The investigation process changed in 2022-23: uphold rates rose across the board.
        new(new(2022), 16_800, 0.74, 0.13, 0.995, At(2023, 7, 19)),
        new(new(2023), 17_200, 0.79, 0.12, 0.996, At(2024, 7, 17)),
        new(new(2024), 17_500, 0.81, 0.12, 0.996, At(2025, 7, 16)),
        // The latest complete year, published in July 2026; 2026-27 is being recorded and is not generated.
        new(new(2025), 17_800, 0.80, 0.12, 0.996, At(2026, 7, 15)),
    ];

    public static FinancialYear First => All[0].Year;
    public static FinancialYear Last => All[^1].Year;

    /// <summary>The last day of the data: cases not decided by then are still open.</summary>
    public static DateOnly DataEnds => Last.LastDay;

    public static DemoYear? Of(FinancialYear year) => All.FirstOrDefault(y => y.Year == year);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 9, 30, 0, TimeSpan.FromHours(1));
}
