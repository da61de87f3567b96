using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Chooses the few cases each year that get a public report: upheld cases with a remedy, not the published councils' 2019-20 ones.</summary>
/// <remarks>The published councils' real 2019-20 letters mention only Worcestershire's report, so no other is invented for them.</remarks>
public static class PublicReports
{
    private const double Share = 0.012;

    public static void Choose(DemoRandom random, IEnumerable<DemoCase> cases)
    {
        foreach (var complaint in cases.Where(c => c.Outcome == Outcomes.Upheld && c.Recommendations.Count > 1 && !c.Pinned))
        {
            if (PublishedCouncils.IsPublished(complaint.DecidedBy!.Code, complaint.DecisionYear!.Value) || !random.Chance(Share)) continue;
            var who = complaint.Complainant;
            var fault = who.Fill(random.Pick(complaint.Topic.Faults));
            complaint.Report = (complaint.Topic.ReportSubject,
                $"We found that the Council {fault}. The Council agreed to {Summaries.AgreedTo(complaint)}.");
        }
    }
}
