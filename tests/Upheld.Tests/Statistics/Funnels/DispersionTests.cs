using Upheld.Statistics.Funnels;

namespace Upheld.Tests.Statistics.Funnels;

public class DispersionTests
{
    [Fact]
    public void Phi_is_the_mean_square_of_z_scores_winsorised_at_the_10th_and_90th_percentiles()
    {
        // Ten councils, standard error 0.1 around p₀ = 0.5, with z = −3, −1, −0.5, 0, 0, 0.5, 1, 1, 2, 4.
        // One on each side is pulled in: −3 → −1 and 4 → 2. Squares sum to 1+1+0.25+0+0+0.25+1+1+4+4 = 12.5: φ = 1.25.
        // Weights all 100: Σw = 1000, Σw²/Σw = 100, so τ² = (10 × 1.25 − 9) / 900 = 0.003889.
        double[] z = [-3, -1, -0.5, 0, 0, 0.5, 1, 1, 2, 4];
        var dispersion = Dispersion.Estimate(z.Select(x => (0.5 + 0.1 * x, 0.1)).ToList(), 0.5)!;

        Assert.Equal(1.25, dispersion.Phi, 1e-9);
        Assert.Equal(3.5 / 900, dispersion.Tau2, 1e-9);
    }

    [Fact]
    public void Tau_squared_is_floored_at_zero_when_councils_vary_less_than_chance()
    {
        var dispersion = Dispersion.Estimate([(0.5, 0.1), (0.51, 0.1), (0.49, 0.1)], 0.5)!;

        Assert.True(dispersion.Phi < 1);
        Assert.Equal(0.0, dispersion.Tau2);
    }

    [Fact]
    public void There_is_no_estimate_without_councils_or_without_spread()
    {
        Assert.Null(Dispersion.Estimate([], 0.5));
        Assert.Null(Dispersion.Estimate([(1.0, 0.0)], 1.0));
    }
}
