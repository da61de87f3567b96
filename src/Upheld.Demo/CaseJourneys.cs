using Upheld.Authorities;

namespace Upheld.Demo;

/// <summary>Registers each year's complaints across the councils and decides when each is decided, and by whom.</summary>
/// <remarks>
/// Outcomes are chosen later, once every decision's year is known, so that each year's figures can be calibrated.
/// A year before the data begins is generated too, so the first year has decisions on cases received before it.
/// </remarks>
public static class CaseJourneys
{
    private const int ReceivedTheYearBefore = 16_800;

    public static List<DemoCase> Generate(DemoRandom random, Councils councils)
    {
        var cases = new List<DemoCase>();
        var years = new[] { (Year: new FinancialYear(DemoYears.First.StartYear - 1), Received: ReceivedTheYearBefore, ClosedUntil: (DateOnly?)null) }
            .Concat(DemoYears.All.Select(y => (y.Year, y.Received, y.ClosedUntil)));
        foreach (var (year, received, closedUntil) in years)
        {
            var existing = councils.In(year);
            var expected = existing.Select(c => councils.Population(c, year) * TypeProfiles.Of(c.Type).ComplaintsPerResident
                * councils.SizeFactor(c) * random.GammaMeanOne(30)).ToArray();
            var scale = received / expected.Sum();
            var counts = expected.Select(e => random.Poisson(e * scale)).ToArray();
            Calibration.AdjustTotal(random, counts, expected.Select(e => e * scale).ToArray(), Enumerable.Repeat(true, counts.Length).ToArray(), received);
            var firstDay = closedUntil ?? year.FirstDay;
            var days = year.LastDay.DayNumber - firstDay.DayNumber;
            for (var i = 0; i < existing.Count; i++)
            {
                for (var n = 0; n < counts[i]; n++)
                {
                    var council = existing[i];
                    var route = random.Chance(councils.InvestigatedShare(council)) ? CaseRoute.Investigation
                        : random.Chance(0.3) ? CaseRoute.Assessment : CaseRoute.Quick;
                    var day = firstDay.AddDays(random.Between(0, days));
                    var complaint = new DemoCase(council, day, route, CaseTopics.Draw(random, council, councils), Complainant.Draw(random));
                    Decide(random, councils, complaint);
                    cases.Add(complaint);
                }
            }
        }
        return cases.Where(c => c.Decided is null || c.Decided >= DemoYears.First.FirstDay).ToList();
    }

    /// <summary>Sets the decision date from the route (investigations take months) and the council answering then.</summary>
    public static void Decide(DemoRandom random, Councils councils, DemoCase complaint)
    {
        var lag = complaint.Route switch
        {
            CaseRoute.Quick => random.Between(2, 40),
            CaseRoute.Assessment => random.Between(20, 90) + random.Between(0, 60),
            _ => random.Between(60, 200) + random.Between(0, 150),
        };
        var decided = complaint.Received.AddDays(lag);
        if (decided > DemoYears.DataEnds) return;
        complaint.Decided = decided;
        complaint.DecidedBy = councils.Answering(complaint.ReceivedBy, decided, random);
    }
}
