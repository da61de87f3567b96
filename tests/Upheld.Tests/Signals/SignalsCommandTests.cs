using System.Text.Json;
using Upheld.Tests.Cli;
using Upheld.Tests.Import;

namespace Upheld.Tests.Signals;

/// <summary><c>upheld signals</c> on the real program: every council of the year in code order, JSON, CSV and table.</summary>
public sealed class SignalsCommandTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"upheld-cli-{Guid.NewGuid():N}.db");
    private readonly ImportFolder _folder = new();

    public void Dispose()
    {
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(file);
        _folder.Dispose();
    }

    // Worcestershire: education 2 of 2 upheld, planning 0 of 2. Cambridgeshire: education 0 of 2, planning 2 of 2. Nationally 2 of 4 each: p = 0.5.
    // Each expects 2 × 0.5 + 2 × 0.5 = 2 and upholds 2: ratio 1, V = 4 × 0.25 = 1, interval (2 ∓ 1.959964) ÷ 2 = 0.020018 to 1.979982, similar.
    private static readonly double Z = Upheld.Statistics.Interval.NormalQuantile(0.95);

    private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private void Import()
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,category,outcome",
            "W1,E10000034,2019-06-01,Education and Children's Services,upheld", "W2,E10000034,2019-06-02,Education and Children's Services,upheld",
            "W3,E10000034,2019-06-03,Planning and Development,not_upheld", "W4,E10000034,2019-06-04,Planning and Development,not_upheld",
            "C1,E10000003,2019-06-01,Education and Children's Services,not_upheld", "C2,E10000003,2019-06-02,Education and Children's Services,not_upheld",
            "C3,E10000003,2019-06-03,Planning and Development,upheld", "C4,E10000003,2019-06-04,Planning and Development,upheld");
        var import = CliRun.Of("import", _folder.Path, "--db", _db);
        Assert.True(import.ExitCode == 0, import.Errors);
    }

    [Fact]
    public void Json_is_one_object_with_the_year_every_council_in_code_order_and_no_signals_yet_and_csv_and_table_for_one_authority()
    {
        Import();

        var run = CliRun.Of("signals", "--year", "2019-20", "--format", "json", "--db", _db);

        Assert.True(run.ExitCode == 0, run.Errors);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["year", "case_mix", "signals"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2019-20", root.GetProperty("year").GetString());
        Assert.Equal(0, root.GetProperty("signals").GetArrayLength());
        var councils = root.GetProperty("case_mix").EnumerateArray().ToList();
        Assert.Equal(343, councils.Count); // every council of 2019-20
        Assert.Equal(councils.Select(c => c.GetProperty("code").GetString()).Order(StringComparer.Ordinal), councils.Select(c => c.GetProperty("code").GetString()));
        var worcestershire = councils.Single(c => c.GetProperty("code").GetString() == "E10000034");
        Assert.Equal(["code", "name", "type", "investigations", "observed_upheld", "expected_upheld", "ratio", "interval", "comparison"],
            worcestershire.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Worcestershire", "County", 4, 2, 2.0, 1.0, "similar"),
            (worcestershire.GetProperty("name").GetString(), worcestershire.GetProperty("type").GetString(), worcestershire.GetProperty("investigations").GetInt32(),
             worcestershire.GetProperty("observed_upheld").GetInt32(), worcestershire.GetProperty("expected_upheld").GetDouble(),
             worcestershire.GetProperty("ratio").GetDouble(), worcestershire.GetProperty("comparison").GetString()));
        var interval = worcestershire.GetProperty("interval").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(0.020018, interval[0], 6);
        Assert.Equal(1.979982, interval[1], 6);
        // A council with no investigations expects 0 and has no ratio.
        var cannock = councils.Single(c => c.GetProperty("code").GetString() == "E07000192");
        Assert.Equal(0.0, cannock.GetProperty("expected_upheld").GetDouble());
        Assert.All(["ratio", "interval", "comparison"], name => Assert.Equal(JsonValueKind.Null, cannock.GetProperty(name).ValueKind));

        // The same database, one import for both: CSV and table for one authority, and an authority of another year refused.
        var csv = CliRun.Of("signals", "--year", "2019-20", "--authority", "E10000034", "--format", "csv", "--db", _db);
        var table = CliRun.Of("signals", "--year", "2019-20", "--authority", "E10000034", "--db", _db);
        var unknown = CliRun.Of("signals", "--year", "2019-20", "--authority", "E06000060", "--db", _db);

        Assert.Equal(["code,name,type,year,investigations,observed_upheld,expected_upheld,ratio,interval_low,interval_high,comparison",
            $"E10000034,Worcestershire,County,2019-20,4,2,2,1,{R((2 - Z) / 2)},{R((2 + Z) / 2)},similar"],
            csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("1.00", table.Output);
        Assert.Contains("0.02 to 1.98", table.Output);
        Assert.Equal(1, unknown.ExitCode); // Buckinghamshire Council began in 2020
        Assert.Contains("E06000060 is not an authority that existed in 2019-20", unknown.Errors);
    }

    [Fact]
    public void A_rise_beyond_the_national_trend_is_a_signal_in_json_csv_and_table()
    {
        // Four years of education decisions, 2019-20 to 2022-23. Worcestershire (E10000034) upheld 1 a year, then 12 in 2022-23;
        // ten other councils upheld 1 a year throughout. In 2022-23: N = 12 + 10 = 22, N_past = 3 + 30 = 33, p = 22/55 = 2/5.
        // Worcestershire: O = 12 of n = O + S = 15, expected 15 × 2/5 = 6;
        //   P(X ≥ 12) = Σ_{j=12..15} C(15,j)·2^j·3^(15−j) ÷ 5^15 = (50,319,360 + 7,741,440 + 737,280 + 32,768) ÷ 30,517,578,125
        //             = 58,830,848 ÷ 30,517,578,125 ≈ 0.0019278.
        // The others: O = 1 of n = 4, P(X ≥ 1) = 1 − (3/5)^4 = 0.8704. Eleven tests: Worcestershire's q = 11 × 0.0019278 ≈ 0.0212 ≤ 0.05.
        var others = Upheld.Authorities.ReferenceData.Councils()
            .Where(c => c.Code != "E10000034" && Enumerable.Range(2019, 4).All(y => c.ExistsIn(new Upheld.FinancialYear(y))))
            .Select(c => c.Code).Order(StringComparer.Ordinal).Take(10).ToList();
        var lines = new List<string>();
        for (var year = 2019; year <= 2022; year++)
        {
            for (var i = 0; i < (year == 2022 ? 12 : 1); i++) lines.Add($"W{year}-{i},E10000034,{year}-06-01,Education and Children's Services,upheld");
            foreach (var code in others) lines.Add($"{code}-{year},{code},{year}-06-01,Education and Children's Services,upheld");
        }
        _folder.With("decisions.csv", ["case_ref,authority_code,decision_date,category,outcome", .. lines]);
        Assert.Equal(0, CliRun.Of("import", _folder.Path, "--db", _db).ExitCode);

        var json = CliRun.Of("signals", "--year", "2022-23", "--format", "json", "--db", _db);
        Assert.True(json.ExitCode == 0, json.Errors);
        var signal = Assert.Single(JsonDocument.Parse(json.Output).RootElement.GetProperty("signals").EnumerateArray().ToList());
        Assert.Equal(["code", "category", "observed", "expected", "p_value", "q_value", "words"], signal.EnumerateObject().Select(p => p.Name));
        Assert.Equal("E10000034", signal.GetProperty("code").GetString());
        Assert.Equal(12, signal.GetProperty("observed").GetInt32());
        Assert.Equal(6.0, signal.GetProperty("expected").GetDouble());
        Assert.Equal(58830848.0 / 30517578125.0, signal.GetProperty("p_value").GetDouble(), 15);
        Assert.Equal(11 * 58830848.0 / 30517578125.0, signal.GetProperty("q_value").GetDouble(), 15);
        Assert.Equal("Upheld complaints about Education and Children's Services rose from about 1 a year to 12 in 2022-23 — more than chance or the national trend would explain",
            signal.GetProperty("words").GetString());

        var csv = CliRun.Of("signals", "--year", "2022-23", "--format", "csv", "--part", "signals", "--db", _db);
        Assert.StartsWith("code,name,year,category,observed,previous_three_years,expected,p_value,q_value,words", csv.Output);
        Assert.Contains("E10000034,Worcestershire,2022-23,Education and Children's Services,12,3,6,", csv.Output);
        var table = CliRun.Of("signals", "--year", "2022-23", "--db", _db);
        Assert.Contains("1 signal: upheld complaints in a category", table.Output);
        Assert.Contains("rose from about 1 a year to 12 in 2022-23", table.Output);
        // 2021-22 has only two earlier years of data (the data begin in 2019-20): no council is tested, and the table says so.
        var early = CliRun.Of("signals", "--year", "2021-22", "--format", "json", "--db", _db);
        Assert.Equal(0, JsonDocument.Parse(early.Output).RootElement.GetProperty("signals").GetArrayLength());
    }
}
