using Upheld.Authorities;
using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Chooses every decision's outcome so that each type's pooled rates land on the year's targets.</summary>
/// <remarks>
/// Each council draws its own uphold and remedy rates (councils differ, more than chance alone would make them);
/// a few councils' counts are then moved so the type's totals are exact. The five published councils keep their letters' figures.
/// </remarks>
public static class DecisionOutcomes
{
    private const double NationalRemedy2019 = 0.13;

    public static void Assign(DemoRandom random, IReadOnlyList<DemoCase> cases, Councils councils)
    {
        foreach (var year in DemoYears.All)
        {
            var decidedByCouncil = cases.Where(c => c.DecisionYear == year.Year).ToLookup(c => c.DecidedBy!.Code);
            var shift = UpholdShift(year, cases);
            foreach (var profile in TypeProfiles.All)
            {
                var group = councils.In(year.Year).Where(c => c.Type == profile.Type)
                    .Select(c => (Council: c, Cases: decidedByCouncil[c.Code].ToList(), Published: PublishedCouncils.Of(c.Code, year.Year)))
                    .ToList();
                foreach (var (council, decided, published) in group)
                {
                    if (published is not null) FixRoutes(random, council, decided, published.Investigations);
                    foreach (var complaint in decided.Where(c => c.Route != CaseRoute.Investigation)) complaint.Outcome = Unexamined(random, complaint.Route);
                }
                var investigated = group.Select(g => g.Cases.Where(c => c.Route == CaseRoute.Investigation).ToList()).ToArray();
                var fixedCounts = group.Select(g => g.Published is not null).ToArray();
                var uphold = year.Year == DemoYears.LettersYear ? profile.Uphold : TypeProfiles.Shifted(profile.Uphold, shift);
                var upheld = Draw(random, investigated.Select(i => i.Count).ToArray(), uphold, 0.45, fixedCounts,
                    group.Select(g => g.Published?.Upheld ?? 0).ToArray());
                var remedyRate = year.Year == DemoYears.LettersYear ? profile.Remedy : profile.Remedy * year.RemedyRate / NationalRemedy2019;
                var remedied = Draw(random, upheld, remedyRate, 0.5, fixedCounts, group.Select(g => g.Published?.Remedied ?? 0).ToArray());
                for (var i = 0; i < group.Count; i++)
                {
                    var shuffled = investigated[i].OrderBy(_ => random.Uniform()).ToList();
                    for (var k = 0; k < shuffled.Count; k++)
                    {
                        shuffled[k].Outcome = k < upheld[i] ? Outcomes.Upheld : Outcomes.NotUpheld;
                        shuffled[k].Remedied = k < remedied[i];
                    }
                }
            }
        }
    }

    // Moves every type's 2019-20 uphold rate by the same amount, so that the year's pooled national rate is its target.
    private static double UpholdShift(DemoYear year, IReadOnlyList<DemoCase> cases)
    {
        var investigations = cases.Where(c => c.DecisionYear == year.Year && c.Route == CaseRoute.Investigation)
            .GroupBy(c => c.DecidedBy!.Type).Select(g => (Rate: TypeProfiles.Of(g.Key).Uphold, Count: g.Count())).ToList();
        var total = investigations.Sum(i => i.Count);
        return total == 0 ? 0 : year.UpholdRate - investigations.Sum(i => i.Rate * i.Count) / total;
    }

    /// <summary>Per-council counts out of <paramref name="totals"/> at rates drawn around <paramref name="rate"/>, moved so the sum is exact.</summary>
    private static int[] Draw(DemoRandom random, int[] totals, double rate, double spread, bool[] fixedCounts, int[] fixedValues)
    {
        var counts = totals.Select((n, i) => fixedCounts[i] ? fixedValues[i] : random.Binomial(n, random.RateNear(rate, spread))).ToArray();
        var target = Calibration.CountForRate(totals.Sum(), rate);
        Calibration.AdjustTotal(random, counts, totals.Select(n => (double)n).ToArray(), fixedCounts.Select(f => !f).ToArray(), target, totals);
        return counts;
    }

    private static string Unexamined(DemoRandom random, CaseRoute route) => route == CaseRoute.Assessment
        ? "closed_after_initial_enquiries"
        : random.Uniform() switch { < 0.14 => "invalid_incomplete", < 0.42 => "advice_given", _ => "referred_back" };

    // A published council-year has exactly its letter's number of investigations among the cases it decided.
    private static void FixRoutes(DemoRandom random, Authority council, List<DemoCase> decided, int investigations)
    {
        if (decided.Count < investigations)
            throw new InvalidOperationException($"{council.Code} decided {decided.Count} cases, fewer than the {investigations} investigations of its letter");
        var order = decided.OrderBy(c => c.Route == CaseRoute.Investigation ? 0 : 1).ThenBy(_ => random.Uniform()).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            if (i < investigations) order[i].Route = CaseRoute.Investigation;
            else if (order[i].Route == CaseRoute.Investigation) order[i].Route = CaseRoute.Assessment;
        }
    }
}
