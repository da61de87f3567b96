using Upheld.Authorities;

namespace Upheld.Demo;

/// <summary>The shipped councils and populations, in a fixed order, with lasting traits drawn once per council.</summary>
public sealed class Councils
{
    private readonly Dictionary<string, Authority> _byCode;
    private readonly Dictionary<(string, int), long> _populations;
    private readonly Dictionary<string, (double Size, double Investigated)> _traits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double[] Mix, double Uphold)> _services = new(StringComparer.Ordinal);

    public Councils(DemoRandom random)
    {
        All = ReferenceData.Councils().OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        _byCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _populations = ReferenceData.Populations().ToDictionary(p => (p.Code, p.Year.StartYear), p => p.Population);
        // Some councils draw more complaints than their size suggests, and some send more to investigation, year after year.
        foreach (var council in All)
        {
            var investigated = random.RateNear(TypeProfiles.Of(council.Type).Investigated, 0.3);
            _traits[council.Code] = (random.GammaMeanOne(5), investigated);
        }
        // Councils of a type differ in what they are complained about and in how often the ombudsman finds fault, year after year.
        // Drawn from a stream of their own, so the complaints each council receives, and when, stay as they were.
        var services = new DemoRandom(DemoDataset.Seed + 21);
        foreach (var council in All)
            _services[council.Code] = (Cases.Outcomes.Categories.Select(_ => services.GammaMeanOne(3)).ToArray(), 0.3 * services.Normal());
    }

    public IReadOnlyList<Authority> All { get; }

    public Authority this[string code] => _byCode[code];

    public IReadOnlyList<Authority> In(FinancialYear year) => All.Where(c => c.ExistsIn(year)).ToList();

    public double SizeFactor(Authority council) => _traits[council.Code].Size;

    public double InvestigatedShare(Authority council) => _traits[council.Code].Investigated;

    /// <summary>How much more (or less) than others of its type the council hears about each category, in the order of the categories.</summary>
    public IReadOnlyList<double> ServiceMix(Authority council) => _services[council.Code].Mix;

    /// <summary>The council's lasting tendency to have complaints upheld, on the log-odds scale, beyond what its complaints are about.</summary>
    public double UpholdTendency(Authority council) => _services[council.Code].Uphold;

    /// <summary>The ONS population serving the year, or the nearest year's estimate for years outside the shipped range.</summary>
    public long Population(Authority council, FinancialYear year)
    {
        for (var distance = 0; distance < 10; distance++)
        {
            if (_populations.TryGetValue((council.Code, year.StartYear - distance), out var before)) return before;
            if (_populations.TryGetValue((council.Code, year.StartYear + distance), out var after)) return after;
        }
        return 100_000;
    }

    /// <summary>The council that answers for a case on <paramref name="day"/>: the one given, or its successor once it is abolished.</summary>
    public Authority Answering(Authority council, DateOnly day, DemoRandom random)
    {
        var year = FinancialYear.Containing(day);
        var current = council;
        while (!current.ExistsIn(year) && current.SuccessorCodes.Count > 0)
            current = _byCode[current.SuccessorCodes.Count == 1 ? current.SuccessorCodes[0] : random.Pick(current.SuccessorCodes)];
        return current;
    }
}
