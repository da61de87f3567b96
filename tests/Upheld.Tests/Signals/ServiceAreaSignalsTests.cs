using Upheld.Signals;
using Upheld.Statistics;

namespace Upheld.Tests.Signals;

/// <summary>Hand-worked service-area signals (docs/statistics.md, "Service-area signals").</summary>
public class ServiceAreaSignalsTests
{
    private const string Adult = "Adult Care Services";
    private const string Housing = "Housing";
    private static readonly FinancialYear Year = new(2023);

    private static CouncilHistory Council(string code, params (int Year, string Category, long Upheld)[] counts) =>
        new(code, "Council " + code, counts.GroupBy(c => c.Year).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, long>)g.ToDictionary(c => c.Category, c => c.Upheld)));

    private static CouncilHistory Flat(string code, string category, long perYear, long last, int from = 2020) =>
        Council(code, [.. Enumerable.Range(from, 2024 - from).Select(y => (y, category, y == 2023 ? last : perYear))]);

    [Fact]
    public void Upper_tail_of_a_small_binomial_worked_by_hand()
    {
        // n = O + S = 4, p = N ÷ (N + N_past) = 10 ÷ 40 = 1/4, O = 3:
        // P(X ≥ 3) = C(4,3)·(1/4)³·(3/4) + (1/4)⁴ = 4·3/256 + 1/256 = 13/256.
        Assert.Equal(new Rational(13, 256), ServiceAreaSignals.UpperTail(3, 4, 10, 40));
        // P(X ≥ 0) is certain; P(X ≥ 1) = 1 − (3/4)⁴ = 175/256.
        Assert.Equal(Rational.One, ServiceAreaSignals.UpperTail(0, 4, 10, 40));
        Assert.Equal(new Rational(175, 256), ServiceAreaSignals.UpperTail(1, 4, 10, 40));
        // Every trial a success: P(X ≥ 4) = (1/4)⁴ = 1/256.
        Assert.Equal(new Rational(1, 256), ServiceAreaSignals.UpperTail(4, 4, 10, 40));
    }

    [Fact]
    public void Benjamini_Hochberg_on_the_fifteen_p_values_of_their_1995_paper()
    {
        // Benjamini & Hochberg (1995), section 4: fifteen p-values from a trial; at 0.05 the procedure rejects the four smallest,
        // as p_(4) = 0.0095 ≤ 4/15 × 0.05 = 0.0133 and no larger p_(i) is at most i/15 × 0.05.
        double[] p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000];
        var exact = p.Select(v => new Rational((long)Math.Round(v * 10000), 10000)).Reverse().ToList(); // any order in, same order out
        var q = ServiceAreaSignals.BenjaminiHochberg(exact);
        var rejected = exact.Zip(q).Where(x => x.Second <= ServiceAreaSignals.FalseDiscoveryRate).Select(x => x.First).OrderBy(x => x).ToList();
        Assert.Equal([new(1, 10000), new(4, 10000), new(19, 10000), new(95, 10000)], rejected);
        // q_(4) = min over j ≥ 4 of 15·p_(j)/j: j=4 gives 15 × 0.0095 ÷ 4 = 0.035625, j=5 0.0603, j=6 0.0695, j=7 0.06386, … → 0.035625.
        Assert.Equal(new Rational(35625, 1000000), q[exact.IndexOf(new Rational(95, 10000))]);
        // q_(3) = min(15 × 0.0019 ÷ 3 = 0.0095, q_(4)) = 0.0095.
        Assert.Equal(new Rational(95, 10000), q[exact.IndexOf(new Rational(19, 10000))]);
        // q_(5) = min(0.0603, 0.0695, 0.063857…, 0.0645, 0.0765, 15 × 0.324 ÷ 10 = 0.486, …) = 0.0603: not a signal.
        Assert.Equal(new Rational(603, 10000), q[exact.IndexOf(new Rational(201, 10000))]);
        // The largest is capped at 1: 15 × 1 ÷ 15 = 1.
        Assert.Equal(Rational.One, q[exact.IndexOf(Rational.One)]);
    }

    [Fact]
    public void Everyone_rising_with_the_nation_flags_nobody()
    {
        // Forty councils each had 5 upheld Adult Care complaints a year for 2020-2022 and 15 in 2023: the nation tripled too,
        // so N = 600, N_past = 600, p = 1/2, and each council's O = 15 of O + S = 30 has P(X ≥ 15) = 1/2 + C(30,15)/2³¹ ≈ 0.57.
        var councils = Enumerable.Range(1, 40).Select(i => Flat($"E0700{i:0000}", Adult, 5, 15)).ToList();
        var result = ServiceAreaSignals.Compute(Year, councils);
        Assert.Equal(40, result.Tests.Count);
        Assert.Empty(result.Signals);
        var first = result.Tests[0];
        Assert.Equal((15L, 15L, 600L, 600L), (first.Observed, first.Previous, first.National, first.NationalPrevious));
        Assert.Equal(new Rational(15, 1), first.Expected);
        Assert.True(first.PValue > new Rational(1, 2));
    }

    [Fact]
    public void One_council_rising_against_a_flat_nation_is_flagged_with_words()
    {
        // Thirty councils with 3 upheld Adult Care complaints a year throughout; one, E07000001, had 3, 3, 3 then 11.
        // N = 29 × 3 + 11 = 98, N_past = 30 × 9 = 270, p = 98/368. O = 11 of n = 20: expected 20 × 98/368 = 5.33.
        // P(X ≥ 11) for Binomial(20, 0.2663) = Σ_{j=11..20} C(20,j)·p^j·(1−p)^(20−j) ≈ 0.006653 (checked independently in Python);
        // the other 29 councils have O = 3 of 12 (P(X ≥ 3) ≈ 0.63), and E07000002 has a Housing test too (1 now, 3 in 2020:
        // n = 4, p = 1/4, P(X ≥ 1) = 175/256). BH over 31 tests: the rise's q = 31 × 0.006653 ≈ 0.206 > 0.05.
        // So one such rise among thirty is not yet a signal; with 3, 3, 3 then 20 it is: P(X ≥ 20 | n = 29, p = 107/377) ≈ 6.8e-6,
        // q ≤ 31 × 6.8e-6 ≈ 0.0002.
        var quiet = Enumerable.Range(2, 29).Select(i => Flat($"E0700{i:0000}", Adult, 3, 3)).ToList();
        quiet[0] = Council(quiet[0].Code, [.. Enumerable.Range(2020, 4).Select(y => (y, Adult, 3L)), (2023, Housing, 1L), (2020, Housing, 3L)]);
        var moderate = ServiceAreaSignals.Compute(Year, [Flat("E07000001", Adult, 3, 11), .. quiet]);
        var rise = moderate.Tests.Single(t => t.Code == "E07000001");
        Assert.Equal(new Rational(20 * 98, 368), rise.Expected);
        Assert.InRange(rise.PValue.ToDouble(), 0.006652, 0.006654);
        Assert.InRange(rise.QValue.ToDouble(), 0.2062, 0.2063);
        Assert.Empty(moderate.Signals);

        var strong = ServiceAreaSignals.Compute(Year, [Flat("E07000001", Adult, 3, 20), .. quiet]);
        var signal = Assert.Single(strong.Signals);
        Assert.Equal(("E07000001", Adult, 20L, 9L), (signal.Code, signal.Category, signal.Observed, signal.Previous));
        Assert.Equal("Upheld complaints about Adult Care Services rose from about 3 a year to 20 in 2023-24 — more than chance or the national trend would explain",
            signal.Words);
    }

    [Fact]
    public void A_council_with_fewer_than_three_earlier_years_is_not_tested_and_says_so()
    {
        var young = Flat("E06000060", Adult, 1, 40, from: 2021); // 2021 and 2022 only before 2023
        var result = ServiceAreaSignals.Compute(Year, [young, Flat("E07000001", Adult, 3, 3)]);
        Assert.DoesNotContain(result.Tests, t => t.Code == "E06000060");
        var untested = Assert.Single(result.Untested);
        Assert.Equal(("E06000060", 2), (untested.Code, untested.EarlierYears));
        Assert.Equal("Not tested: the test compares a year with the three before it, and only 2 of those have decisions by category", untested.Reason);
        // Its decisions still count nationally: N = 40 + 3 = 43.
        Assert.Equal(43, result.Tests.Single().National);
    }

    [Fact]
    public void A_fall_is_never_a_signal()
    {
        // 30, 30, 30 then 0 against a flat nation: P(X ≥ 0) = 1.
        var councils = Enumerable.Range(2, 20).Select(i => Flat($"E0700{i:0000}", Adult, 30, 30)).Append(Flat("E07000001", Adult, 30, 0)).ToList();
        var result = ServiceAreaSignals.Compute(Year, councils);
        Assert.Equal(Rational.One, result.Tests.Single(t => t.Code == "E07000001").PValue);
        Assert.Empty(result.Signals);
    }
}
