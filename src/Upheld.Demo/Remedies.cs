using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Writes the recommendations on upheld cases and when each case's compliance outcome is recorded.</summary>
/// <remarks>A case the council had already remedied needs no recommendation; most other upheld cases get an apology and often a payment.</remarks>
public static class Remedies
{
    private static readonly int[] Payments = [100, 150, 200, 250, 250, 300, 350, 400, 500];

    private static readonly (string Category, string Phrase)[] PaymentReasons =
    [
        ("distress", "for the distress caused"),
        ("distress", "for the avoidable distress and uncertainty caused"),
        ("time and trouble", "for the time and trouble of pursuing the complaint"),
        ("distress", "to acknowledge the frustration caused by the delay"),
    ];

    public static void Recommend(DemoRandom random, IEnumerable<DemoCase> cases, Councils councils)
    {
        foreach (var complaint in cases.Where(c => c.Outcome == Outcomes.Upheld && !c.Remedied))
        {
            if (!random.Chance(0.88)) continue;
            Write(random, complaint);
            var improvement = complaint.Recommendations.Any(r => r.Kind == "service_improvement");
            Record(random, complaint, councils, complaint.Decided!.Value.AddDays(random.Between(25, 100) + (improvement ? 30 : 0)));
        }
    }

    /// <summary>Sets when the compliance outcome is recorded, if within the data, and the council answering then.</summary>
    public static void Record(DemoRandom random, DemoCase complaint, Councils councils, DateOnly recorded)
    {
        // An outcome recorded after abolition passes to a single successor; a council split in several must see it recorded in time.
        if (complaint.DecidedBy!.SuccessorCodes.Count > 1 && complaint.DecidedBy.ValidTo is { } last && recorded > last) recorded = last;
        if (recorded > DemoYears.DataEnds)
        {
            complaint.ComplianceRecorded = null;
            complaint.ComplianceBy = null;
            return;
        }
        complaint.ComplianceRecorded = recorded;
        complaint.ComplianceBy = councils.Answering(complaint.DecidedBy!, recorded, random);
    }

    /// <summary>Adds an apology and, often, payments and a service improvement suited to the case's topic.</summary>
    public static void Write(DemoRandom random, DemoCase complaint)
    {
        var decided = complaint.Decided!.Value;
        var who = complaint.Complainant.Name;
        var personal = decided.AddMonths(1);
        complaint.Recommendations.Add(new("personal", "apology", $"apologise to {who}", null, personal));
        if (random.Chance(0.7))
        {
            var (category, phrase) = random.Pick(PaymentReasons);
            var amount = random.Pick(Payments);
            complaint.Recommendations.Add(new("personal", category, $"pay {who} £{amount:N0} {phrase}", amount, personal));
        }
        if (complaint.Topic.SpecificRemedy is { } remedy && random.Chance(0.35))
        {
            var amount = (int)Math.Round(complaint.Topic.SpecificAmount * (0.4 + random.Uniform() * 1.2) / 10) * 10;
            complaint.Recommendations.Add(new("personal", "financial redress", $"{remedy} (£{amount:N0})", amount, personal));
        }
        if (random.Chance(0.45))
        {
            var text = random.Pick(complaint.Topic.Improvements);
            var category = text.StartsWith("review", StringComparison.Ordinal) ? "procedure or policy change" : "training and guidance";
            complaint.Recommendations.Add(new("service_improvement", category, text, null, decided.AddMonths(3)));
        }
    }
}
