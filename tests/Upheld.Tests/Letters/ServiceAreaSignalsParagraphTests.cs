using Upheld.Accounts;
using Upheld.Letters;
using Upheld.Storage;
using Upheld.Tests.Import;

namespace Upheld.Tests.Letters;

/// <summary>
/// The 2026 edition's early-warning paragraph is off by default: written only when staff switch it on and the council has signals;
/// the 2020 edition has no such paragraph, so its letters are unchanged whatever is switched.
/// </summary>
public abstract class ServiceAreaSignalsParagraphTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2025);
    private readonly Lazy<LetterScenario> _lazy = new(() => new LetterScenario(provider));
    private LetterScenario Scenario => _lazy.Value;

    // Rutland upheld 1 housing complaint a year in 2022-23 to 2024-25 and 14 in 2025-26; ten other councils 1 a year throughout.
    // N = 14 + 10 = 24, N_past = 3 + 30 = 33: P(X ≥ 14 | 17, 24/57) = 0.00084 (Σ_{j=14..17} C(17, j)·24^j·33^(17−j) ÷ 57^17),
    // eleven tests, q = 11 × 0.00084 = 0.0093 ≤ 0.05: a signal, "from about 1 a year to 14".
    private static readonly string[] Others = ["E10000003", "E07000192", "E10000012", "E10000016", "E08000025", "E09000028", "E09000030", "E06000052", "E10000024", "E10000017"];

    private void ImportTheRise()
    {
        var rows = new List<string> { "case_ref,authority_code,decision_date,category,outcome" };
        foreach (var y in new[] { 2022, 2023, 2024, 2025 })
        {
            foreach (var code in Others) rows.Add($"{code}-{y},{code},{y}-06-01,Housing,upheld");
            for (var i = 0; i < (y == 2025 ? 14 : 1); i++) rows.Add($"R-{y}-{i},E06000017,{y}-06-01,Housing,upheld");
        }
        Scenario.Import(new ImportFolder().With("decisions.csv", [.. rows]));
    }

    private List<string> Paragraphs(string code, FinancialYear year) =>
        Scenario.Compose(code, year).Letter.Sections.SelectMany(s => s.Paragraphs).Where(p => p.Source == DataParagraphs.ServiceAreaSignals).Select(p => p.Text).ToList();

    [SkippableFact]
    public void Off_until_switched_on_then_the_councils_signals_in_words_and_off_again()
    {
        ImportTheRise();
        Assert.Empty(Paragraphs("E06000017", Year));

        Assert.True(SwitchLetterParagraph.Run(Scenario.Database, "E06000017", Year, DataParagraphs.ServiceAreaSignals, on: true, new Actor("staff"), TimeProvider.System));
        Assert.Equal(["Our early warning compares, service by service, the complaints we upheld about the Council this year with those of the three years before and with the trend " +
            "across England. It points to one service area worth a closer look. Upheld complaints about Housing rose from about 1 a year to 14 in 2025-26 — more than chance or " +
            "the national trend would explain. This is not a finding beyond the complaints themselves, but I would ask the Council to look at what lies behind the rise, and to " +
            "tell its members what it finds."], Paragraphs("E06000017", Year));
        // Switched on for Rutland alone; a council with no signal writes none even when switched on.
        Assert.Empty(Paragraphs("E10000003", Year));
        Assert.True(SwitchLetterParagraph.Run(Scenario.Database, "E10000003", Year, DataParagraphs.ServiceAreaSignals, on: true, new Actor("staff"), TimeProvider.System));
        Assert.Empty(Paragraphs("E10000003", Year));

        Assert.True(SwitchLetterParagraph.Run(Scenario.Database, "E06000017", Year, DataParagraphs.ServiceAreaSignals, on: false, new Actor("staff"), TimeProvider.System));
        Assert.Empty(Paragraphs("E06000017", Year));
    }

    [SkippableFact]
    public void The_2020_edition_has_no_such_paragraph_and_its_letters_stay_as_they_were()
    {
        var before = Scenario.Compose("E10000034").ContentHash;
        Assert.True(SwitchLetterParagraph.Run(Scenario.Database, "E10000034", LetterScenario.Year, DataParagraphs.ServiceAreaSignals, on: true, new Actor("staff"), TimeProvider.System));
        Assert.Null(EditionCatalog.Load().For(LetterScenario.Year)!.DataParagraphs.ServiceAreaSignals);
        Assert.Equal(before, Scenario.Compose("E10000034").ContentHash);
    }

    public void Dispose()
    {
        if (_lazy.IsValueCreated) _lazy.Value.Dispose();
    }
}

public sealed class SqliteServiceAreaSignalsParagraphTests() : ServiceAreaSignalsParagraphTests(DatabaseProvider.Sqlite);

public sealed class PostgresServiceAreaSignalsParagraphTests() : ServiceAreaSignalsParagraphTests(DatabaseProvider.PostgreSql);
