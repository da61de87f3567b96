namespace Upheld.Cases;

/// <summary>The codes of the closed vocabularies in the import formats (docs/statistics.md, "Outcomes"; docs/data-formats.md).</summary>
public static class Outcomes
{
    public const string Upheld = "upheld";
    public const string NotUpheld = "not_upheld";

    /// <summary>Decision outcomes, in the order of the complaint journey.</summary>
    public static readonly IReadOnlyList<string> Decision =
        ["invalid_incomplete", "advice_given", "referred_back", "closed_after_initial_enquiries", NotUpheld, Upheld];

    public const string CompliedOnTime = "complied_on_time";
    public const string CompliedLate = "complied_late";
    public const string NotComplied = "not_complied";

    public static readonly IReadOnlyList<string> Compliance = [CompliedOnTime, CompliedLate, NotComplied];

    public static readonly IReadOnlyList<string> RecommendationKinds = ["personal", "service_improvement"];

    public static readonly IReadOnlyList<string> Categories =
    [
        "Adult Care Services",
        "Benefits and Tax",
        "Corporate and Other Services",
        "Education and Children's Services",
        "Environmental Services, Public Protection and Regulation",
        "Highways and Transport",
        "Housing",
        "Planning and Development",
        "Other",
    ];
}
