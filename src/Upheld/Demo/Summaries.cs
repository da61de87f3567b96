using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>Writes the one-paragraph, anonymised decision summary of each case, as the ombudsman publishes them.</summary>
public static class Summaries
{
    private static readonly string[] NotInvestigated =
    [
        "it is unlikely we could add to the Council's response or achieve anything more",
        "the complainant could appeal to a tribunal, and it was reasonable to expect them to do so",
        "the injustice claimed is not significant enough to justify our involvement",
        "the complaint was made more than twelve months after the events it concerns, and there was no good reason for the delay",
        "there is not enough evidence of fault to justify an investigation",
    ];

    private static readonly string[] Injustices =
    [
        "avoidable distress and uncertainty", "time and trouble pursuing the complaint", "frustration and inconvenience",
        "a loss of services they were entitled to", "avoidable worry over several months",
    ];

    public static void Write(DemoRandom random, IEnumerable<DemoCase> cases)
    {
        foreach (var complaint in cases.Where(c => c.Decided is not null && c.Summary is null)) complaint.Summary = For(random, complaint);
    }

    private static string For(DemoRandom random, DemoCase c)
    {
        var who = c.Complainant;
        var issue = who.Fill(random.Pick(c.Topic.Issues));
        var complained = $"{who.Name} complained that the Council {issue}.";
        return c.Outcome switch
        {
            Outcomes.Upheld => $"{complained} We found the Council {who.Fill(random.Pick(c.Topic.Faults))}. This caused {who.Name} {random.Pick(Injustices)}. {Remedy(c)}",
            Outcomes.NotUpheld => $"{complained} We did not find fault: the Council {who.Fill(random.Pick(c.Topic.NoFaults))}.",
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
        var texts = c.Recommendations.Select(r => r.Text).ToList();
        var joined = texts.Count == 1 ? texts[0] : string.Join(", ", texts.Take(texts.Count - 1)) + " and " + texts[^1];
        return $"The Council agreed to {joined}.";
    }
}
