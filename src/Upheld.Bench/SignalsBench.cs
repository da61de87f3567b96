using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Distributions;
using Upheld.Authorities;
using Upheld.Signals;

namespace Upheld.Bench;

/// <summary>
/// <c>upheld bench signals</c>: how often the service-area signals find drifts planted in synthetic national data, and how many
/// of their signals are false alarms (docs/benchmarks.md, "Signals").
/// </summary>
/// <remarks>
/// Each dataset has every council of England and every category over four years, upheld counts Poisson around a mean that does
/// not change from year to year (a flat national trend). The means are shaped like the demonstration's: about 3,500 upheld
/// decisions a year, shared between categories as there, and between councils by a lognormal size. Twenty council-category
/// pairs per dataset are planted: mean B in the three earlier years and K × B in the last, and nothing else differs.
/// Everything is in memory and seeded, so a run prints the same lines every time.
/// </remarks>
internal static class SignalsBench
{
    private const int Datasets = 20, Planted = 20, Seed = 2024;

    /// <summary>The demonstration's average upheld decisions per council and year by category (2023-24).</summary>
    private static readonly Dictionary<string, double> CategoryMeans = new()
    {
        ["Adult Care Services"] = 1.66, ["Benefits and Tax"] = 0.88, ["Corporate and Other Services"] = 0.78,
        ["Education and Children's Services"] = 2.63, ["Environmental Services, Public Protection and Regulation"] = 0.99,
        ["Highways and Transport"] = 1.27, ["Housing"] = 1.55, ["Other"] = 0.37, ["Planning and Development"] = 0.88,
    };

    public static Command Create()
    {
        var command = new Command("signals", "Plant drifts in seeded synthetic data and report the signals' sensitivity and false discovery");
        command.SetAction(_ =>
        {
            var year = new FinancialYear(2023);
            var councils = ReferenceData.Councils().Where(c => c.ExistsIn(year)).Select(c => (c.Code, c.Name)).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var baseline in new[] { 5, 10, 15, 20 })
            foreach (var factor in new[] { 2, 3 })
            {
                long planted = 0, found = 0, flagged = 0, falseAlarms = 0;
                for (var dataset = 0; dataset < Datasets; dataset++)
                {
                    var (histories, drifts) = Dataset(councils, year, baseline, factor, new Random(Seed + 1000 * dataset));
                    var signals = ServiceAreaSignals.Compute(year, histories).Signals;
                    planted += drifts.Count;
                    found += signals.Count(s => drifts.Contains((s.Code, s.Category)));
                    flagged += signals.Count;
                    falseAlarms += signals.Count(s => !drifts.Contains((s.Code, s.Category)));
                }
                double sensitivity = (double)found / planted, falseDiscovery = flagged == 0 ? 0 : (double)falseAlarms / flagged;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"signals: baseline {baseline}, factor {factor}: {planted} planted drifts, sensitivity {sensitivity:0.000}, false discovery {falseDiscovery:0.000}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{8 * Datasets} datasets of {councils.Count} councils × {CategoryMeans.Count} categories × 4 years in {clock.Elapsed.TotalSeconds:0.0} s (target for baseline 15, factor 3: sensitivity ≥ 0.85, false discovery ≤ 0.05)"));
            return 0;
        });
        return command;
    }

    /// <summary>One national dataset with <see cref="Planted"/> drifts: the councils' histories and the planted pairs.</summary>
    internal static (IReadOnlyList<CouncilHistory> Histories, HashSet<(string Code, string Category)> Drifts) Dataset(
        IReadOnlyList<(string Code, string Name)> councils, FinancialYear year, int baseline, int factor, Random random)
    {
        var size = councils.Select(_ => Math.Exp(0.8 * Normal.Sample(random, 0, 1) - 0.32)).ToArray(); // lognormal, mean 1
        var drifts = new HashSet<(string, string)>();
        var categories = CategoryMeans.Keys.ToArray();
        while (drifts.Count < Planted) drifts.Add((councils[random.Next(councils.Count)].Code, categories[random.Next(categories.Length)]));
        var histories = councils.Select((council, i) =>
        {
            var years = new Dictionary<int, IReadOnlyDictionary<string, long>>();
            for (var y = year.StartYear - 3; y <= year.StartYear; y++)
                years[y] = categories.ToDictionary(category => category, category =>
                {
                    var planted = drifts.Contains((council.Code, category));
                    var mean = planted ? baseline * (y == year.StartYear ? factor : 1) : CategoryMeans[category] * size[i];
                    return (long)Poisson.Sample(random, mean);
                });
            return new CouncilHistory(council.Code, council.Name, years);
        }).ToList();
        return (histories, drifts);
    }
}
