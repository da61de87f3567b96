using Upheld.Authorities;
using Upheld.Cases;

namespace Upheld.Demo;

/// <summary>
/// How likely a demonstration investigation is to be upheld, by what it is about: the ombudsman's published national uphold rates
/// by service where known, and the demonstration's own choice elsewhere (docs/operations.md, "Try it on demonstration data").
/// </summary>
/// <remarks>
/// The rates are those of 2024-25. Other years keep the categories' distances on the log-odds scale and move them all together to
/// the year's national rate. Each year the model log-odds(upheld) = type + category is fitted so that every type of council
/// upholds exactly its calibrated total (the published averages of the 2020 letters, the national picture) and each category,
/// across England, as near its rate as those totals allow: the rate a category gets also depends on which councils hear about it.
/// </remarks>
public static class CategoryRates
{
    /// <summary>The 2024-25 national uphold rate of each category, with whether the ombudsman published it.</summary>
    public static readonly IReadOnlyDictionary<string, (double Rate, bool Published)> In2024 = new Dictionary<string, (double, bool)>(StringComparer.Ordinal)
    {
        // The ombudsman's Annual Review of Local Government Complaints 2024-25: upheld share of detailed investigations by service.
        ["Education and Children's Services"] = (0.91, true),
        ["Housing"] = (0.85, true),
        ["Adult Care Services"] = (0.78, true),
        // The demonstration's own choices, lower for services where decisions are matters of professional judgement.
        ["Benefits and Tax"] = (0.80, false),
        ["Corporate and Other Services"] = (0.76, false),
        ["Environmental Services, Public Protection and Regulation"] = (0.74, false),
        ["Highways and Transport"] = (0.70, false),
        ["Planning and Development"] = (0.62, false),
        ["Other"] = (0.70, false),
    };

    /// <summary>The fitted log-odds of a year: one term per type of council and one per category.</summary>
    public sealed record Fit(IReadOnlyDictionary<AuthorityType, double> Type, IReadOnlyDictionary<string, double> Category)
    {
        public double Probability(AuthorityType type, string category, double councilEffect) =>
            Logistic(Type[type] + Category[category] + councilEffect);
    }

    /// <summary>The year whose published rates by service the demonstration follows exactly; other years follow them in shape.</summary>
    public static readonly FinancialYear PublishedYear = new(2024);

    /// <summary>The categories whose rate the year must print exactly as published, with that rate.</summary>
    public static IEnumerable<(string Category, double Rate)> Exact(FinancialYear year) =>
        year == PublishedYear ? In2024.Where(r => r.Value.Published).Select(r => (r.Key, r.Value.Rate)) : [];

    /// <summary>Fits the year's terms to its investigations by type and category and each type's exact upheld total.</summary>
    /// <param name="investigations">Detailed investigations of the year by type and category.</param>
    /// <param name="upheldByType">The upheld total each type must reach.</param>
    public static Fit Solve(FinancialYear year, IReadOnlyDictionary<(AuthorityType Type, string Category), int> investigations, IReadOnlyDictionary<AuthorityType, int> upheldByType)
    {
        var categories = Outcomes.Categories;
        var types = AuthorityTypes.All;
        double N(AuthorityType t, string c) => investigations.GetValueOrDefault((t, c));
        var byCategory = categories.ToDictionary(c => c, c => types.Sum(t => N(t, c)));

        // The categories' targets: their 2024-25 log-odds, moved by one shift so that they add up to the year's upheld total;
        // in 2024-25 the published ones stay where they are and the others move.
        var baseline = categories.ToDictionary(c => c, c => Logit(In2024[c].Rate));
        var exact = Exact(year).Select(e => e.Category).ToHashSet(StringComparer.Ordinal);
        var total = (double)upheldByType.Values.Sum();
        var shift = Solve(s => categories.Sum(c => byCategory[c] * Logistic(baseline[c] + (exact.Contains(c) ? 0 : s))), total);
        var target = categories.ToDictionary(c => c, c => byCategory[c] * Logistic(baseline[c] + (exact.Contains(c) ? 0 : shift)));

        // Alternating one-dimensional fits, each margin in turn (iterative proportional fitting on the log-odds scale).
        var type = types.ToDictionary(t => t, _ => 0.0);
        var category = new Dictionary<string, double>(baseline, StringComparer.Ordinal);
        for (var round = 0; round < 60; round++)
        {
            foreach (var t in types)
            {
                var n = categories.Sum(c => N(t, c));
                if (n == 0) continue;
                type[t] = Solve(a => categories.Sum(c => N(t, c) * Logistic(a + category[c])), upheldByType.GetValueOrDefault(t));
            }
            foreach (var c in categories.Where(c => byCategory[c] > 0))
                category[c] = Solve(b => types.Sum(t => N(t, c) * Logistic(type[t] + b)), target[c]);
        }
        return new Fit(type, category);
    }

    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    // The x at which an increasing function reaches the value, by bisection; a total of 0 or of every case sits at the ends.
    private static double Solve(Func<double, double> increasing, double value)
    {
        double low = -20, high = 20;
        for (var i = 0; i < 100; i++)
        {
            var middle = (low + high) / 2;
            if (increasing(middle) < value) low = middle; else high = middle;
        }
        return (low + high) / 2;
    }
}
