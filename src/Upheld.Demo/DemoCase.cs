using Upheld.Authorities;

namespace Upheld.Demo;

/// <summary>How a complaint goes through the ombudsman: decided quickly, assessed and closed, or investigated.</summary>
public enum CaseRoute
{
    Quick,
    Assessment,
    Investigation,
}

/// <summary>A recommendation on a demonstration case, as written in recommendations.csv.</summary>
public sealed record DemoRecommendation(string Kind, string? RemedyCategory, string Text, int? AmountGbp, DateOnly DueDate);

/// <summary>One generated complaint, from registration to compliance, filled in step by step by the generator.</summary>
public sealed class DemoCase(Authority receivedBy, DateOnly received, CaseRoute route, CaseTopic topic, Complainant complainant)
{
    public string Ref { get; set; } = "";
    public Authority ReceivedBy { get; } = receivedBy;
    public DateOnly Received { get; set; } = received;
    public CaseRoute Route { get; set; } = route;
    public CaseTopic Topic { get; set; } = topic;
    public Complainant Complainant { get; } = complainant;

    public Authority? DecidedBy { get; set; }
    public DateOnly? Decided { get; set; }
    public string? Outcome { get; set; }
    public bool Remedied { get; set; }
    public string? Summary { get; set; }
    public List<DemoRecommendation> Recommendations { get; } = [];

    public Authority? ComplianceBy { get; set; }
    public DateOnly? ComplianceRecorded { get; set; }
    public string? ComplianceOutcome { get; set; }

    /// <summary>Set on the few cases the calibration must not move, such as the case of Worcestershire's public report.</summary>
    public bool Pinned { get; set; }

    public (string Title, string Summary)? Report { get; set; }

    public FinancialYear? DecisionYear => Decided is { } d ? FinancialYear.Containing(d) : null;
    public FinancialYear? ComplianceYear => ComplianceRecorded is { } d ? FinancialYear.Containing(d) : null;
}

/// <summary>An anonymised complainant, "Mrs X", with the pronouns the summaries need.</summary>
public sealed record Complainant(string Name, string They, string Their, string Them)
{
    private static readonly string[] Letters = ["B", "C", "D", "F", "J", "K", "M", "P", "X", "Y", "Z"];

    public static Complainant Draw(DemoRandom random)
    {
        var letter = random.Pick(Letters);
        return random.Between(0, 9) switch
        {
            <= 3 => new($"Mr {letter}", "he", "his", "him"),
            <= 5 => new($"Mrs {letter}", "she", "her", "her"),
            <= 7 => new($"Ms {letter}", "she", "her", "her"),
            8 => new($"Miss {letter}", "she", "her", "her"),
            _ => new($"Mr and Mrs {letter}", "they", "their", "them"),
        };
    }

    public string Fill(string phrase) => phrase.Replace("{their}", Their).Replace("{them}", Them).Replace("{they}", They);
}
