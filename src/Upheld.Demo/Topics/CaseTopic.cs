using Upheld.Authorities;

namespace Upheld.Demo;

/// <summary>What a demonstration complaint is about, with the phrases an ombudsman would use to write it up.</summary>
/// <remarks>
/// Phrases follow "the Council …" in the past tense; <c>{their}</c> and <c>{them}</c> are replaced by the complainant's pronouns.
/// Remedies and improvements are verb phrases that follow "The Council agreed to …".
/// </remarks>
public sealed record CaseTopic(
    string Category, string Subcategory, string[] Issues, string[] Faults, string[] NoFaults,
    string[] Improvements, string ReportSubject, string? SpecificRemedy = null, int SpecificAmount = 0);

/// <summary>The catalogue of topics and how often each type of council meets each category.</summary>
public static partial class CaseTopics
{
    public static readonly IReadOnlyList<CaseTopic> All =
        [.. AdultCare, .. BenefitsAndTax, .. Corporate, .. Education, .. Environment, .. Highways, .. Housing, .. Planning, .. Other];

    // Relative frequency of each category (in Outcomes.Categories order) for County, District, Metropolitan Borough, Unitary, London Borough.
    private static readonly int[][] Weights =
    [
        [30, 0, 14, 14, 12],
        [0, 12, 8, 8, 10],
        [6, 14, 6, 6, 6],
        [36, 0, 16, 16, 14],
        [0, 18, 10, 10, 10],
        [20, 6, 12, 12, 14],
        [0, 22, 14, 14, 20],
        [0, 26, 12, 12, 10],
        [3, 2, 3, 3, 4],
    ];

    /// <summary>
    /// A topic drawn with the frequencies of the council's type — counties hear about care and schools, districts about planning
    /// and bins — each moved by the council's own mix of services (<see cref="Councils.ServiceMix"/>).
    /// </summary>
    public static CaseTopic Draw(DemoRandom random, Authority council, Councils councils)
    {
        var column = (int)council.Type;
        var mix = councils.ServiceMix(council);
        var weights = Weights.Select((w, i) => w[column] * mix[i]).ToArray();
        // One uniform draw, as a draw between whole weights took, so the random stream stays in step.
        var roll = random.Uniform() * weights.Sum();
        var category = 0;
        while (category < weights.Length - 1 && (roll >= weights[category] || weights[category] == 0)) roll -= weights[category++];
        var name = Cases.Outcomes.Categories[category];
        return random.Pick(ByCategory[name]);
    }

    private static readonly Dictionary<string, CaseTopic[]> ByCategory =
        Cases.Outcomes.Categories.ToDictionary(c => c, c => All.Where(t => t.Category == c).ToArray(), StringComparer.Ordinal);
}
