using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Turns one of Worcestershire's upheld 2019-20 cases into the case of its real public report.</summary>
public static class WorcestershireReport
{
    public static readonly CaseTopic Topic = CaseTopics.All.First(t => t.Subcategory == "Special educational needs");

    public static void Pin(DemoRandom random, IReadOnlyList<DemoCase> cases, Councils councils)
    {
        var year = DemoYears.LettersYear;
        // An early decision leaves time for the council to comply within the year, as the letter says it did.
        var chosen = cases
            .Where(c => c.DecidedBy?.Code == PublishedCouncils.Worcestershire && c.DecisionYear == year && c.Outcome == Outcomes.Upheld && !c.Remedied)
            .OrderBy(c => c.Decided)
            .First();
        chosen.Pinned = true;
        chosen.Topic = Topic;
        chosen.Summary = WorcestershireLetter.CaseSummary;
        chosen.Recommendations.Clear();
        var decided = chosen.Decided!.Value;
        foreach (var (kind, category, text, amount) in WorcestershireLetter.Recommendations)
            chosen.Recommendations.Add(new(kind, category, text, amount, decided.AddMonths(kind == "personal" ? 1 : 3)));
        var recorded = decided.AddDays(random.Between(20, 40));
        Remedies.Record(random, chosen, councils, recorded > year.LastDay ? year.LastDay : recorded);
        chosen.Report = (WorcestershireLetter.ReportTitle, WorcestershireLetter.ReportSummary);
    }
}
