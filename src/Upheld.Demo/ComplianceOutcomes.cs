using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Gives each recorded compliance outcome its result: on time, late or not complied, with each type's pooled rate on target.</summary>
/// <remarks>
/// The five published councils first get exactly their letters' number of outcomes in 2019-20, by moving a few recording
/// dates across the year's end, then exactly their letters' results.
/// </remarks>
public static class ComplianceOutcomes
{
    private const double LateShare = 0.06;
    private const double NationalCompliance2019 = 0.994;

    public static void Assign(DemoRandom random, IReadOnlyList<DemoCase> cases, Councils councils)
    {
        foreach (var published in PublishedCouncils.All) FixCount(random, cases, councils, published);
        foreach (var year in DemoYears.All)
        {
            var recorded = cases.Where(c => c.ComplianceYear == year.Year).ToList();
            foreach (var profile in TypeProfiles.All)
            {
                var ofType = recorded.Where(c => c.ComplianceBy!.Type == profile.Type).OrderBy(c => c.Ref, StringComparer.Ordinal).ToList();
                var rate = year.Year == DemoYears.LettersYear ? profile.Compliance
                    : 1 - (1 - year.ComplianceRate) * (1 - profile.Compliance) / (1 - NationalCompliance2019);
                var free = ofType.Where(c => PublishedCouncils.Of(c.ComplianceBy!.Code, year.Year) is null).OrderBy(_ => random.Uniform()).ToList();
                foreach (var group in ofType.Except(free).GroupBy(c => c.ComplianceBy!.Code))
                    LabelPublished(random, group.ToList(), PublishedCouncils.Of(group.Key, year.Year)!);
                var notCompliedFixed = ofType.Count(c => c.ComplianceOutcome == Outcomes.NotComplied);
                var notComplied = Math.Max(0, ofType.Count - Calibration.CountForRate(ofType.Count, rate) - notCompliedFixed);
                for (var i = 0; i < free.Count; i++)
                {
                    free[i].ComplianceOutcome = i < notComplied ? Outcomes.NotComplied
                        : random.Chance(LateShare) ? Outcomes.CompliedLate : Outcomes.CompliedOnTime;
                }
            }
        }
    }

    private static void LabelPublished(DemoRandom random, List<DemoCase> outcomes, PublishedCouncil published)
    {
        // The pinned case (Worcestershire's public report) complied on time, as its letter says.
        var order = outcomes.OrderBy(c => c.Pinned ? 0 : 1).ThenBy(_ => random.Uniform()).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            order[i].ComplianceOutcome = i < published.OnTime ? Outcomes.CompliedOnTime
                : i < published.OnTime + published.Late ? Outcomes.CompliedLate : Outcomes.NotComplied;
        }
    }

    // Moves recording dates across 31 March 2020 until the council has exactly its letter's number of outcomes in 2019-20.
    private static void FixCount(DemoRandom random, IReadOnlyList<DemoCase> cases, Councils councils, PublishedCouncil published)
    {
        var year = DemoYears.LettersYear;
        var inYear = cases.Where(c => c.ComplianceYear == year && c.ComplianceBy!.Code == published.Code).OrderBy(c => c.Pinned).ThenByDescending(c => c.ComplianceRecorded).ToList();
        foreach (var extra in inYear.Take(Math.Max(0, inYear.Count - published.ComplianceOutcomes)))
            Remedies.Record(random, extra, councils, year.LastDay.AddDays(random.Between(1, 45)));
        var missing = published.ComplianceOutcomes - inYear.Count;
        var candidates = cases
            .Where(c => c.DecidedBy?.Code == published.Code && c.DecisionYear == year && c.Outcome == Outcomes.Upheld && !c.Remedied
                && c.ComplianceYear != year)
            .OrderBy(c => c.Decided).ToList();
        if (candidates.Count < missing) throw new InvalidOperationException($"{published.Code} has too few upheld cases for its letter's compliance outcomes");
        foreach (var complaint in candidates.Take(Math.Max(0, missing)))
        {
            if (complaint.Recommendations.Count == 0) Remedies.Write(random, complaint);
            var recorded = complaint.Decided!.Value.AddDays(random.Between(20, 60));
            Remedies.Record(random, complaint, councils, recorded > year.LastDay ? year.LastDay : recorded);
        }
    }
}
