using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Writes the one-paragraph, anonymised decision summary of each case, as the ombudsman publishes them.</summary>
public static class Summaries
{
    private static readonly string[] NotInvestigated =
    [
        "it is unlikely we could add to the Council's response or achieve anything more",
        "there was a right of appeal to a tribunal, and it was reasonable to use it",
        "the injustice claimed is not significant enough to justify our involvement",
        "the complaint was made more than twelve months after the events it concerns, and there was no good reason for the delay",
        "there is not enough evidence of fault to justify an investigation",
    ];

    private static readonly string[] Injustices =
    [
        "avoidable distress and uncertainty", "time and trouble pursuing the complaint", "frustration and inconvenience",
        "the loss of a service the Council should have provided", "avoidable worry over several months",
    ];

    public static void Write(DemoRandom random, IEnumerable<DemoCase> cases)
    {
        foreach (var complaint in cases.Where(c => c.Decided is not null && c.Summary is null)) complaint.Summary = For(random, complaint);
    }

    private static string For(DemoRandom random, DemoCase c)
    {
        var who = c.Complainant;
        // The same variant of issue and finding, so that the finding answers the complaint made.
        var variant = random.Between(0, c.Topic.Issues.Length - 1);
        var issue = who.Fill(c.Topic.Issues[variant]);
        var fault = who.Fill(c.Topic.Faults[variant % c.Topic.Faults.Length]);
        var complained = $"{who.Name} complained that the Council {issue}.";
        var injustice = c.Remedied || c.Recommendations.Count > 0 ? $" This caused {who.Name} {random.Pick(Injustices)}." : "";
        return c.Outcome switch
        {
            Outcomes.Upheld => $"{complained} We found the Council {fault}.{injustice} {Remedy(c)}",
            Outcomes.NotUpheld => $"{complained} We did not find fault: the Council {who.Fill(c.Topic.NoFaults[variant % c.Topic.NoFaults.Length])}.",
            "closed_after_initial_enquiries" => $"{complained} We will not investigate this complaint because {random.Pick(NotInvestigated)}.",
            "referred_back" => $"{complained} The Council had not yet had the chance to respond through its own complaints procedure, so we referred the complaint back to it.",
            "advice_given" => $"{who.Name} contacted us because the Council {issue}. We gave advice about how to complain to the Council and about other routes open to {who.Them}.",
            _ => $"{who.Name} contacted us because the Council {issue}. We could not consider the complaint because we did not receive the information we needed.",
        };
    }

    private static string Remedy(DemoCase c)
    {
        if (c.Remedied) return "The Council had already accepted fault and offered a suitable remedy before the complaint came to us, and we agreed that it was enough.";
        if (c.Recommendations.Count == 0) return "The fault did not cause a significant injustice, so we made no recommendations.";
        return $"The Council agreed to {AgreedTo(c)}.";
    }

    /// <summary>The case's recommendations as one phrase: "apologise to Mr X, pay him £200 … and review …".</summary>
    public static string AgreedTo(DemoCase c)
    {
        var texts = c.Recommendations.Select(r => r.Text).ToList();
        return texts.Count == 1 ? texts[0] : string.Join(", ", texts.Take(texts.Count - 1)) + " and " + texts[^1];
    }
}
