using System.Globalization;
using System.Numerics;
using Upheld.Statistics;

namespace Upheld.Signals;

/// <summary>
/// One council's upheld decisions by category in the years around one year: the input of the service-area signals
/// (docs/statistics.md, "Service-area signals").
/// </summary>
/// <param name="UpheldByYear">
/// Upheld decisions by category, keyed by the start year of each financial year for which the council's decisions are held one by
/// one (with categories). A year missing here is a year without category data: before the council existed, or held as published totals.
/// </param>
public sealed record CouncilHistory(string Code, string Name, IReadOnlyDictionary<int, IReadOnlyDictionary<string, long>> UpheldByYear)
{
    public bool HasYear(int startYear) => UpheldByYear.ContainsKey(startYear);

    public long Upheld(int startYear, string category) =>
        UpheldByYear.TryGetValue(startYear, out var byCategory) && byCategory.TryGetValue(category, out var count) ? count : 0;
}

/// <summary>
/// One council-category test of a year. O given O + S is binomial with probability N ÷ (N + N_past) when nothing changed beyond the
/// national trend; <see cref="PValue"/> is P(X ≥ O), exact.
/// </summary>
/// <param name="Observed">O: the council's upheld decisions in the category this year.</param>
/// <param name="Previous">S: its upheld decisions in the category over the three previous years.</param>
/// <param name="National">N: the nation's upheld decisions in the category this year.</param>
/// <param name="NationalPrevious">N_past: the nation's over the same three previous years.</param>
/// <param name="QValue">The Benjamini–Hochberg q-value among all the year's tests, exact.</param>
public sealed record SignalTest(
    string Code, string Name, string Category, FinancialYear Year,
    long Observed, long Previous, long National, long NationalPrevious,
    Rational PValue, Rational QValue)
{
    /// <summary>The count the national trend predicts: (O + S) · N ÷ (N + N_past).</summary>
    public Rational Expected => National + NationalPrevious == 0 ? Rational.Zero
        : new Rational(Observed + Previous, 1) * new Rational(National, National + NationalPrevious);

    /// <summary>A signal: the q-value is at most 0.05 (and so the count rose beyond what the trend predicts).</summary>
    public bool IsSignal => QValue <= ServiceAreaSignals.FalseDiscoveryRate;

    /// <summary>The council's yearly average over the three previous years, S ÷ 3.</summary>
    public Rational PreviousAverage => new(Previous, 3);

    /// <summary>The signal in a councillor's words (docs/statistics.md, "Service-area signals").</summary>
    public string Words
    {
        get
        {
            var average = PreviousAverage.RoundHalfAwayFromZero();
            var from = average.IsZero ? "almost none" : $"about {average.ToString(CultureInfo.InvariantCulture)} a year";
            return $"Upheld complaints about {Category} rose from {from} to {Observed.ToString(CultureInfo.InvariantCulture)} in {Year} — "
                + "more than chance or the national trend would explain";
        }
    }

    /// <summary>The expected count as printed, one decimal place.</summary>
    public string ExpectedText => DisplayRounding.OneDecimal(Expected);
}

/// <summary>
/// A council the year's signals could not test: it has fewer than three earlier years of category data, or its decisions of the year
/// itself are held as published totals, without categories.
/// </summary>
public sealed record UntestedCouncil(string Code, string Name, int EarlierYears, bool YearWithoutCategories = false)
{
    public string Reason => YearWithoutCategories
        ? "Not tested: its decisions of the year are held as published totals, without categories"
        : EarlierYears == 0 ? "Not tested: the test compares a year with the three before it, and none of those has decisions by category"
        : $"Not tested: the test compares a year with the three before it, and only {EarlierYears.ToString(CultureInfo.InvariantCulture)} of those {(EarlierYears == 1 ? "has" : "have")} decisions by category";
}

/// <summary>A year's service-area tests, every one with its q-value, and the councils that could not be tested.</summary>
public sealed record SignalYear(FinancialYear Year, IReadOnlyList<SignalTest> Tests, IReadOnlyList<UntestedCouncil> Untested)
{
    /// <summary>The signals, strongest first: smallest q-value, then smallest p-value, then code and category.</summary>
    public IReadOnlyList<SignalTest> Signals => [.. Tests.Where(t => t.IsSignal)
        .OrderBy(t => t.QValue).ThenBy(t => t.PValue).ThenBy(t => t.Code, StringComparer.Ordinal).ThenBy(t => t.Category, StringComparer.Ordinal)];

    public IReadOnlyList<SignalTest> SignalsOf(string code) => [.. Signals.Where(s => s.Code == code)];

    public UntestedCouncil? UntestedOf(string code) => Untested.FirstOrDefault(u => u.Code == code);
}

/// <summary>
/// Service-area signals (docs/statistics.md, "Service-area signals"): for each council and category, whether this year's upheld
/// decisions rose beyond what chance and the national trend explain, with the rate of false alarms held at 5% by Benjamini–Hochberg.
/// </summary>
/// <remarks>Pure and exact: p-values and q-values are fractions, so the rule q ≤ 0.05 is decided without rounding.</remarks>
public static class ServiceAreaSignals
{
    /// <summary>The share of false alarms among signals the procedure allows: 0.05.</summary>
    public static readonly Rational FalseDiscoveryRate = new(1, 20);

    /// <summary>The number of previous years a council's count is compared with.</summary>
    public const int PreviousYears = 3;

    /// <param name="councilsOfYear">Every council of the year; a council's history may also hold years other than the four used.</param>
    /// <param name="earlierOnly">Councils that no longer exist in the year but had decisions in the previous years: counted nationally only.</param>
    public static SignalYear Compute(FinancialYear year, IReadOnlyList<CouncilHistory> councilsOfYear, IReadOnlyList<CouncilHistory>? earlierOnly = null)
    {
        var everyone = councilsOfYear.Concat(earlierOnly ?? []).ToList();
        var y = year.StartYear;
        var previous = Enumerable.Range(y - PreviousYears, PreviousYears).ToArray();

        var pending = new List<(CouncilHistory Council, string Category, long O, long S, long N, long NPast, Rational P)>();
        var untested = new List<UntestedCouncil>();
        var nationalNow = Cases.Outcomes.Categories.ToDictionary(c => c, c => everyone.Sum(h => h.Upheld(y, c)));
        var nationalPast = Cases.Outcomes.Categories.ToDictionary(c => c, c => everyone.Sum(h => previous.Sum(p => h.Upheld(p, c))));

        foreach (var council in councilsOfYear.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var earlier = previous.Count(council.HasYear);
            if (!council.HasYear(y))
            {
                // Held as totals this year: nothing by category to test.
                untested.Add(new UntestedCouncil(council.Code, council.Name, earlier, YearWithoutCategories: true));
                continue;
            }
            if (earlier < PreviousYears)
            {
                untested.Add(new UntestedCouncil(council.Code, council.Name, earlier));
                continue;
            }
            foreach (var category in Cases.Outcomes.Categories)
            {
                long o = council.Upheld(y, category), s = previous.Sum(p => council.Upheld(p, category));
                if (o + s == 0) continue;
                long n = nationalNow[category], nPast = nationalPast[category];
                pending.Add((council, category, o, s, n, nPast, UpperTail(o, o + s, n, n + nPast)));
            }
        }

        var q = BenjaminiHochberg(pending.Select(t => t.P).ToList());
        var tests = pending.Select((t, i) => new SignalTest(t.Council.Code, t.Council.Name, t.Category, year, t.O, t.S, t.N, t.NPast, t.P, q[i])).ToList();
        return new SignalYear(year, tests, untested);
    }

    /// <summary>
    /// P(X ≥ k) for X binomial with n trials and success probability a ÷ b, exact:
    /// Σ_{j=k..n} C(n, j) · a^j · (b − a)^(n − j) ÷ b^n.
    /// </summary>
    public static Rational UpperTail(long k, long n, long a, long b)
    {
        if (k < 0 || n < 0 || k > n || a < 0 || b < a || (b == 0 && n > 0)) throw new ArgumentOutOfRangeException(nameof(k), $"No binomial tail for k={k}, n={n}, p={a}/{b}.");
        if (k == 0) return Rational.One;
        if (a == 0) return Rational.Zero;
        if (a == b) return Rational.One;
        var rest = b - a;
        // Powers of a and of b − a once each; C(n, j) step by step, which stays a whole number.
        var powersOfA = Powers(a, n);
        var powersOfRest = Powers(rest, n);
        var choose = Binomial(n, k);
        var sum = BigInteger.Zero;
        for (var j = k; j <= n; j++)
        {
            sum += choose * powersOfA[j] * powersOfRest[n - j];
            if (j < n) choose = choose * (n - j) / (j + 1);
        }
        return new Rational(sum, BigInteger.Pow(b, checked((int)n)));
    }

    /// <summary>
    /// Benjamini–Hochberg q-values, exact, in the order given: with the m p-values sorted ascending, q_(i) = min over j ≥ i of
    /// m · p_(j) ÷ j, at most 1. A hypothesis is rejected at rate α exactly when its q-value is at most α.
    /// </summary>
    public static IReadOnlyList<Rational> BenjaminiHochberg(IReadOnlyList<Rational> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new Rational[m];
        var running = Rational.One;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            var candidate = pValues[index] * new Rational(m, rank);
            if (candidate < running) running = candidate;
            q[index] = running;
        }
        return q;
    }

    private static BigInteger[] Powers(long value, long n)
    {
        var powers = new BigInteger[n + 1];
        powers[0] = BigInteger.One;
        for (var i = 1; i <= n; i++) powers[i] = powers[i - 1] * value;
        return powers;
    }

    private static BigInteger Binomial(long n, long k)
    {
        var result = BigInteger.One;
        for (long i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }
}
