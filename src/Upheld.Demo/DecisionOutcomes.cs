using Upheld.Authorities;
using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Chooses every decision's outcome so that each type's pooled rates land on the year's targets.</summary>
/// <remarks>
/// An investigation's chance of being upheld depends on its category (<see cref="CategoryRates"/>), the type of council, and the
/// council itself: a lasting tendency and a year's own variation, so councils differ more than chance alone would make them.
/// A few councils' counts are then moved so the type's totals are exact; in 2024-25 a few upheld cases then change category
/// with another case of the same council so that the published rates by service print exactly. The five published councils keep
/// their letters' figures.
/// </remarks>
public static class DecisionOutcomes
{
    private const double NationalRemedy2019 = 0.13;

    /// <summary>How far a council's log-odds of upholding moves from year to year, on top of its lasting tendency.</summary>
    private const double YearlyVariation = 0.3;

    public static void Assign(DemoRandom random, IReadOnlyList<DemoCase> cases, Councils councils)
    {
        foreach (var year in DemoYears.All)
        {
            var decidedByCouncil = cases.Where(c => c.DecisionYear == year.Year).ToLookup(c => c.DecidedBy!.Code);
            var shift = UpholdShift(year, cases);
            var groups = TypeProfiles.All.ToDictionary(p => p.Type, profile => councils.In(year.Year).Where(c => c.Type == profile.Type)
                .Select(c => (Council: c, Cases: decidedByCouncil[c.Code].ToList(), Published: PublishedCouncils.Of(c.Code, year.Year)))
                .ToList());
            foreach (var (council, decided, published) in groups.Values.SelectMany(g => g))
            {
                if (published is not null) FixRoutes(random, council, decided, published.Investigations);
                foreach (var complaint in decided.Where(c => c.Route != CaseRoute.Investigation)) complaint.Outcome = Unexamined(random, complaint.Route);
            }

            var targets = TypeProfiles.All.ToDictionary(p => p.Type, profile =>
            {
                var rate = year.Year == DemoYears.LettersYear ? profile.Uphold : TypeProfiles.Shifted(profile.Uphold, shift);
                return (Rate: rate, Upheld: Calibration.CountForRate(groups[profile.Type].Sum(g => g.Cases.Count(c => c.Route == CaseRoute.Investigation)), rate));
            });
            var investigations = groups.Values.SelectMany(g => g).SelectMany(g => g.Cases).Where(c => c.Route == CaseRoute.Investigation)
                .GroupBy(c => (c.DecidedBy!.Type, c.Topic.Category)).ToDictionary(g => g.Key, g => g.Count());
            var fit = CategoryRates.Solve(year.Year, investigations, targets.ToDictionary(t => t.Key, t => t.Value.Upheld));

            foreach (var profile in TypeProfiles.All)
            {
                var group = groups[profile.Type];
                var investigated = group.Select(g => g.Cases.Where(c => c.Route == CaseRoute.Investigation).ToList()).ToArray();
                var fixedCounts = group.Select(g => g.Published is not null).ToArray();
                var chances = group.Select((g, i) =>
                {
                    var effect = councils.UpholdTendency(g.Council) + YearlyVariation * random.Normal();
                    return investigated[i].Select(c => fit.Probability(profile.Type, c.Topic.Category, effect)).ToArray();
                }).ToArray();
                var upheld = investigated.Select((cases, i) => cases.Select((c, k) => random.Uniform() < chances[i][k]).ToArray()).ToArray();
                var counts = group.Select((g, i) => g.Published?.Upheld ?? upheld[i].Count(u => u)).ToArray();
                Calibration.AdjustTotal(random, counts, investigated.Select(i => (double)i.Count).ToArray(), fixedCounts.Select(f => !f).ToArray(),
                    targets[profile.Type].Upheld, investigated.Select(i => i.Count).ToArray());
                for (var i = 0; i < group.Count; i++)
                {
                    Reach(random, upheld[i], chances[i], counts[i]);
                    for (var k = 0; k < investigated[i].Count; k++) investigated[i][k].Outcome = upheld[i][k] ? Outcomes.Upheld : Outcomes.NotUpheld;
                }
            }

            foreach (var (category, rate) in CategoryRates.Exact(year.Year))
                PrintAsPublished(random, groups.Values.SelectMany(g => g).Where(g => g.Published is null).Select(g => g.Cases).ToList(), category, rate);

            foreach (var profile in TypeProfiles.All)
            {
                var group = groups[profile.Type];
                var upheldCases = group.Select(g => g.Cases.Where(c => c.Outcome == Outcomes.Upheld).ToList()).ToArray();
                var fixedCounts = group.Select(g => g.Published is not null).ToArray();
                var remedyRate = year.Year == DemoYears.LettersYear ? profile.Remedy : profile.Remedy * year.RemedyRate / NationalRemedy2019;
                var remedied = Draw(random, upheldCases.Select(u => u.Count).ToArray(), remedyRate, 0.5, fixedCounts,
                    group.Select(g => g.Published?.Remedied ?? 0).ToArray());
                for (var i = 0; i < group.Count; i++)
                {
                    var shuffled = upheldCases[i].OrderBy(_ => random.Uniform()).ToList();
                    for (var k = 0; k < shuffled.Count; k++) shuffled[k].Remedied = k < remedied[i];
                }
            }
        }
    }

    // Upholds (or stops upholding) the cases most likely to go that way until exactly `count` of them are upheld.
    private static void Reach(DemoRandom random, bool[] upheld, double[] chances, int count)
    {
        var now = upheld.Count(u => u);
        while (now != count)
        {
            var up = now < count;
            var candidates = Enumerable.Range(0, upheld.Length).Where(k => upheld[k] != up).ToList();
            var chosen = Weighted(random, candidates, k => up ? chances[k] : 1 - chances[k]);
            upheld[chosen] = up;
            now += up ? 1 : -1;
        }
    }

    /// <summary>
    /// Moves the national count of upheld investigations in <paramref name="category"/> onto the published rate, without changing
    /// any council's upheld total: a council upholds one more (or one fewer) in the category and one fewer (or more) in another
    /// category not held to a published rate.
    /// </summary>
    private static void PrintAsPublished(DemoRandom random, IReadOnlyList<List<DemoCase>> councils, string category, double rate)
    {
        bool Held(DemoCase c) => CategoryRates.Exact(c.DecisionYear!.Value).Any(e => e.Category == c.Topic.Category);
        var investigations = councils.SelectMany(c => c).Where(c => c.Route == CaseRoute.Investigation).ToList();
        var inCategory = investigations.Where(c => c.Topic.Category == category).ToList();
        var target = Calibration.CountForRate(inCategory.Count, rate);
        var now = inCategory.Count(c => c.Outcome == Outcomes.Upheld);
        while (now != target)
        {
            var up = now < target;
            var swaps = councils.Select(cases => (
                    Here: cases.Where(c => c.Route == CaseRoute.Investigation && c.Topic.Category == category && (c.Outcome == Outcomes.Upheld) != up).ToList(),
                    Elsewhere: cases.Where(c => c.Route == CaseRoute.Investigation && !Held(c) && (c.Outcome == Outcomes.Upheld) == up).ToList()))
                .Where(s => s.Here.Count > 0 && s.Elsewhere.Count > 0).ToList();
            if (swaps.Count == 0) throw new InvalidOperationException($"cannot move {category} from {now} to {target} upheld");
            var (here, elsewhere) = swaps[Weighted(random, Enumerable.Range(0, swaps.Count).ToList(), i => swaps[i].Here.Count)];
            random.Pick(here).Outcome = up ? Outcomes.Upheld : Outcomes.NotUpheld;
            random.Pick(elsewhere).Outcome = up ? Outcomes.NotUpheld : Outcomes.Upheld;
            now += up ? 1 : -1;
        }
    }

    private static int Weighted(DemoRandom random, List<int> candidates, Func<int, double> weight)
    {
        var sum = candidates.Sum(k => Math.Max(weight(k), 1e-9));
        var roll = random.Uniform() * sum;
        foreach (var candidate in candidates)
        {
            roll -= Math.Max(weight(candidate), 1e-9);
            if (roll < 0) return candidate;
        }
        return candidates[^1];
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
