namespace Upheld.Demo;

/// <summary>The seeded random draws the generator needs; the same seed gives the same dataset on every machine.</summary>
/// <remarks>Seeded <see cref="Random"/> uses a fixed algorithm across platforms; draws must be made in a fixed order.</remarks>
public sealed class DemoRandom(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public int Between(int low, int highInclusive) => _random.Next(low, highInclusive + 1);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public double Normal()
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>A gamma draw with mean 1: multiplying by it adds over-dispersion (smaller shape, more spread).</summary>
    public double GammaMeanOne(double shape)
    {
        // Marsaglia and Tsang, for shape >= 1.
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = _random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v / shape;
        }
    }

    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 40) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = _random.NextDouble(); product > limit; product *= _random.NextDouble()) count++;
        return count;
    }

    public int Binomial(int trials, double probability)
    {
        var successes = 0;
        for (var i = 0; i < trials; i++) if (_random.NextDouble() < probability) successes++;
        return successes;
    }

    /// <summary>A rate near <paramref name="centre"/> on the logit scale, so councils vary as real ones do.</summary>
    public double RateNear(double centre, double spread)
    {
        var logit = Math.Log(centre / (1 - centre)) + spread * Normal();
        return 1 / (1 + Math.Exp(-logit));
    }
}
