using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>
/// Rises planted in the demonstration data for the early warning to find (docs/operations.md, "Planted rises"): in each listed year,
/// one council's upheld investigations about one service rise well beyond its three years before.
/// </summary>
/// <remarks>
/// A rise is planted by moving some of the council's other upheld investigations of the year into the service: a few cases change
/// what they are about (and their recommendations and statements are written again for it), so the council's totals, its type's
/// totals and every calibrated rate stay as they were. The choice of cases comes from a random stream of its own, so the rest of
/// the dataset is the same with or without the rises.
/// 2024-25 has none: its rates by service must print exactly as published.
/// </remarks>
public static class Drifts
{
    /// <summary>One planted rise: the council, the year and the service.</summary>
    public sealed record Drift(string Code, FinancialYear Year, string Category);

    /// <summary>How many more upheld investigations than its three years before together a rise gives the council's service in the year.</summary>
    public const int Above = 12;

    public static readonly IReadOnlyList<Drift> Planted =
    [
        new("E09000028", new(2021), "Benefits and Tax"),
        new("E08000025", new(2021), "Highways and Transport"),
        new("E10000012", new(2021), "Highways and Transport"),
        new("E09000009", new(2022), "Benefits and Tax"),
        new("E09000032", new(2022), "Planning and Development"),
        new("E08000030", new(2022), "Education and Children's Services"),
        new("E10000029", new(2023), "Other"),
        new("E10000024", new(2023), "Corporate and Other Services"),
        new("E06000052", new(2023), "Education and Children's Services"),
        new("E08000004", new(2025), "Highways and Transport"),
        new("E09000030", new(2025), "Planning and Development"),
        new("E10000017", new(2025), "Corporate and Other Services"),
    ];

    /// <summary>
    /// Plants each rise: the council's upheld investigations in the service in the year, O, become S + 12, where S is their sum over
    /// the three years before (so more than three times its yearly average, and at least 12 more than the year had); a year that
    /// already had more than S gains 12.
    /// </summary>
    public static void Plant(IReadOnlyList<DemoCase> cases)
    {
        var random = new DemoRandom(DemoDataset.Seed + 22);
        foreach (var drift in Planted)
        {
            bool Upheld(DemoCase c) => c.DecidedBy?.Code == drift.Code && c.Route == CaseRoute.Investigation && c.Outcome == Outcomes.Upheld;
            var before = cases.Count(c => Upheld(c) && c.Topic.Category == drift.Category
                && c.DecisionYear is { } y && y.StartYear >= drift.Year.StartYear - 3 && y < drift.Year);
            var now = cases.Count(c => Upheld(c) && c.Topic.Category == drift.Category && c.DecisionYear == drift.Year);
            var move = Math.Max(Above, before + Above - now);
            var movable = cases.Where(c => Upheld(c) && c.DecisionYear == drift.Year && c.Topic.Category != drift.Category
                    && !c.Pinned && c.Report is null)
                .OrderBy(c => c.Ref, StringComparer.Ordinal).ToList();
            if (movable.Count < move) throw new InvalidOperationException($"{drift.Code} has {movable.Count} upheld cases to move in {drift.Year}, fewer than {move}");
            var topics = CaseTopics.All.Where(t => t.Category == drift.Category).ToList();
            for (var i = 0; i < move; i++)
            {
                var index = random.Between(0, movable.Count - 1);
                var complaint = movable[index];
                movable.RemoveAt(index);
                complaint.Topic = random.Pick(topics);
                // Its recommendations and statement are written again for what it is now about (an apology always, so a case with
                // recommendations keeps some and its compliance outcome still has something to follow).
                if (complaint.Recommendations.Count > 0)
                {
                    complaint.Recommendations.Clear();
                    Remedies.Write(random, complaint);
                }
                complaint.Summary = null;
                Summaries.Write(random, [complaint]);
            }
        }
    }
}
