namespace Upheld.Demo;

/// <summary>The parts of Worcestershire County Council's 2020 letter that come from its cases and commentary, word for word.</summary>
public static class WorcestershireLetter
{
    /// <summary>The report's subject, as the letter completes "a public report about your Council's …".</summary>
    public const string ReportTitle =
        "failure to provide education to a child with Special Educational Needs, to challenge their informal exclusion from school, or to update their Education Health and Care Plan";

    public const string ReportSummary =
        "The Council's corporate complaints policy also lacked information about timescales and was unclear about how complaints would be progressed.";

    public const string CaseSummary =
        "Mrs X complained that the Council failed to provide education to her son, who has special educational needs, while he was out of school, " +
        "did not challenge his informal exclusion, and did not update his Education Health and Care Plan. We found fault, which meant he missed " +
        "education for several months. We also found the Council's corporate complaints policy lacked information about timescales and was unclear " +
        "about how complaints would be progressed.";

    /// <summary>The recommendations in the order the letter lists them: kind, remedy category, text, amount in pounds.</summary>
    public static readonly IReadOnlyList<(string Kind, string? RemedyCategory, string Text, int? Amount)> Recommendations =
    [
        ("personal", "lost provision", "pay the child's mother £4,200 for lost education", 4200),
        ("service_improvement", "procedure or policy change", "remind officers of the Council's duties to children out of school", null),
        ("service_improvement", "procedure or policy change", "review its corporate complaints policy", null),
    ];

    /// <summary>The commentary paragraphs staff wrote for the letter, in order.</summary>
    public static readonly IReadOnlyList<string> Commentary =
    [
        "In last year's letter, I raised my concerns with your Council's failure to provide my staff with the information they need during investigations. " +
        "I also commented that, in some cases, your Council had taken too long to implement agreed recommendations. Unfortunately, this year has seen a " +
        "repeat of these issues with my investigators reporting delays in providing information or having to seek clarification because responses are " +
        "insufficient. In one case the delays were such that we took the unusual step of threatening to issue a witness summons to obtain the information " +
        "requested. In three separate cases recommendations were not implemented within the agreed timeframe. You should be aware that the actions you " +
        "agree to take, and your performance in implementing them, are reported publicly on our website, so are likely to generate increased public and " +
        "media scrutiny in future.",
        "Delay by the Council adds to the frustration experienced by complainants and can cause further avoidable distress and uncertainty. I ask the " +
        "Council to reflect on this and take steps to improve its liaison with my office.",
    ];
}
