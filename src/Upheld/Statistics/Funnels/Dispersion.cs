namespace Upheld.Statistics.Funnels;

/// <summary>How far councils spread beyond chance: φ from winsorised z-scores and, from φ, the between-council variance τ².</summary>
/// <param name="Phi">Mean squared winsorised z-score; about 1 when chance explains the spread.</param>
/// <param name="Tau2">DerSimonian–Laird between-council variance, floored at 0, in the squared unit of the rate per case or per head.</param>
public sealed record Dispersion(double Phi, double Tau2)
{
    /// <summary>The share of z-scores on each side pulled in to the 10th and 90th percentiles before squaring.</summary>
    public const double WinsorisedShare = 0.1;

    /// <summary>φ and τ² for councils with the given rates and standard errors under the target; null with no council or no spread.</summary>
    /// <remarks>
    /// Winsorising (Spiegelhalter 2005) keeps the few councils that are truly different from inflating φ and hiding
    /// themselves. With k councils the lowest ⌊0.1k⌋ z-scores take the value of the next one up, the highest likewise.
    /// </remarks>
    public static Dispersion? Estimate(IReadOnlyList<(double Rate, double StandardError)> councils, double p0)
    {
        if (councils.Count == 0 || councils.Any(c => !(c.StandardError > 0))) return null;
        var z = councils.Select(c => (c.Rate - p0) / c.StandardError).Order().ToArray();
        var k = z.Length;
        var pulled = (int)Math.Floor(WinsorisedShare * k);
        for (var i = 0; i < pulled; i++)
        {
            z[i] = z[pulled];
            z[k - 1 - i] = z[k - 1 - pulled];
        }
        var phi = z.Sum(x => x * x) / k;

        var weights = councils.Select(c => 1 / (c.StandardError * c.StandardError)).ToArray();
        var sum = weights.Sum();
        var spread = sum - weights.Sum(w => w * w) / sum;
        var tau2 = spread > 0 ? Math.Max(0, (k * phi - (k - 1)) / spread) : 0;
        return new Dispersion(phi, tau2);
    }
}
