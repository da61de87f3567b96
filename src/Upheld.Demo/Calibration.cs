using Upheld.Statistics;

namespace Upheld.Demo;

/// <summary>Moves randomly drawn counts onto exact totals, so that pooled rates print as the published ones.</summary>
public static class Calibration
{
    /// <summary>
    /// Adds or removes one at a time, at adjustable places chosen with probability proportional to their weight,
    /// until the counts sum to <paramref name="target"/>; no count goes below zero or above its cap.
    /// </summary>
    public static void AdjustTotal(DemoRandom random, int[] counts, double[] weights, bool[] adjustable, int target, int[]? caps = null)
    {
        var total = counts.Sum();
        while (total != target)
        {
            var up = total < target;
            var candidates = Enumerable.Range(0, counts.Length)
                .Where(i => adjustable[i] && (up ? caps is null || counts[i] < caps[i] : counts[i] > 0))
                .ToList();
            if (candidates.Count == 0) throw new InvalidOperationException($"cannot move the counts from {total} to {target}");
            var chosen = Weighted(random, candidates, i => Math.Max(weights[i], 1e-6));
            counts[chosen] += up ? 1 : -1;
            total += up ? 1 : -1;
        }
    }

    /// <summary>
    /// The count out of <paramref name="total"/> nearest to <paramref name="rate"/> whose printed percentage is the rate's own
    /// ("66%" for 0.66), rounded halves away from zero as the ombudsman rounds.
    /// </summary>
    public static int CountForRate(int total, double rate)
    {
        if (total == 0) return 0;
        var nearest = (int)Math.Round(rate * total, MidpointRounding.AwayFromZero);
        var wanted = DisplayRounding.Percent(new Rational((long)Math.Round(rate * 10_000), 10_000));
        for (var distance = 0; distance <= total; distance++)
        {
            foreach (var k in new[] { nearest - distance, nearest + distance })
            {
                if (k >= 0 && k <= total && DisplayRounding.Percent(new Rational(k, total)) == wanted) return k;
            }
        }
        return Math.Clamp(nearest, 0, total);
    }

    private static int Weighted(DemoRandom random, List<int> candidates, Func<int, double> weight)
    {
        var sum = candidates.Sum(weight);
        var roll = random.Uniform() * sum;
        foreach (var candidate in candidates)
        {
            roll -= weight(candidate);
            if (roll < 0) return candidate;
        }
        return candidates[^1];
    }
}
