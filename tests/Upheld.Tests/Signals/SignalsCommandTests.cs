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
}
