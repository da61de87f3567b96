using System.Text.Json;
using Upheld.Tests.Import;

namespace Upheld.Tests.Cli;

/// <summary>The command-line contract of DATA-FORMATS.md, checked on the real program.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"upheld-cli-{Guid.NewGuid():N}.db");
    private readonly ImportFolder _folder = new();

    public void Dispose()
    {
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(file);
        _folder.Dispose();
    }

    [Fact]
    public void Stats_as_json_prints_only_data_an_object_per_council_of_the_year_ordered_by_code()
    {
        Assert.Equal(0, CliRun.Of("import", _folder.AsCases().Path, "--db", _db).ExitCode);

        var run = CliRun.Of("stats", "--year", "2019-20", "--format", "json", "--db", _db);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var councils = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(343, councils.Count);
        var codes = councils.Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        var worcestershire = councils.Single(c => c.GetProperty("code").GetString() == "E10000034");
        Assert.Equal("86%", worcestershire.GetProperty("uphold_pct").GetString());
        Assert.Equal("92%", worcestershire.GetProperty("compliance_pct").GetString());
        Assert.Equal(JsonValueKind.Null, councils.Single(c => c.GetProperty("code").GetString() == "E07000192").GetProperty("uphold_rate").ValueKind);
    }

    [Fact]
    public void Stats_are_the_same_on_every_run()
    {
        CliRun.Of("import", _folder.AsCases().Path, "--db", _db);

        Assert.Equal(
            CliRun.Of("stats", "--year", "2019-20", "--format", "json", "--db", _db).Output,
            CliRun.Of("stats", "--year", "2019-20", "--format", "json", "--db", _db).Output);
    }

    [Fact]
    public void Stats_as_csv_for_one_authority_has_the_flattened_header_and_one_row()
    {
        CliRun.Of("import", _folder.AsCases().Path, "--db", _db);

        var run = CliRun.Of("stats", "--year", "2019-20", "--authority", "E06000017", "--format", "csv", "--db", _db);

        var lines = run.Output.TrimEnd().Split("\r\n");
        Assert.Equal(2, lines.Length);
        Assert.Contains("average_uphold_pct", lines[0].Split(','));
        Assert.Contains("interval_uphold_low", lines[0].Split(','));
        Assert.StartsWith("E06000017,Rutland,Unitary,2019-20,", lines[1]);
    }

    [Fact]
    public void A_refused_import_exits_non_zero_lists_each_problem_on_standard_error_and_prints_no_data()
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "A1,E10000003,2019-05-01,upheld", "A2,E10000003,2019-05-01,maybe");

        var run = CliRun.Of("import", _folder.Path, "--db", _db);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            ["decisions.csv line 3, column outcome: unknown outcome 'maybe' (expected invalid_incomplete, advice_given, referred_back, closed_after_initial_enquiries, not_upheld, upheld)",
             "Import refused: 1 problem found; nothing was changed."],
            run.Errors.TrimEnd().Split('\n'));
        Assert.Contains("\"decided\": 0", CliRun.Of("stats", "--year", "2019-20", "--authority", "E10000003", "--format", "json", "--db", _db).Output);
    }

    [Theory]
    [InlineData("stats --year 2019/20", "--year: '2019/20' is not a financial year written like 2019-20, from 2000-01 to 2049-50")]
    [InlineData("stats --year 9999-00", "--year: '9999-00' is not a financial year written like 2019-20, from 2000-01 to 2049-50")]
    [InlineData("stats --year 2030-31", "--year: no council exists in 2030-31 in the reference data (2018-19 to 2026-27), and nothing is stored for it")]
    [InlineData("quality --year 2030-31", "--year: no council exists in 2030-31 in the reference data (2018-19 to 2026-27), and nothing is stored for it")]
    [InlineData("letters --year 2030-31 --out /tmp/upheld-letters-2030", "--year: no council exists in 2030-31 in the reference data (2018-19 to 2026-27), and nothing is stored for it")]
    [InlineData("complaint-handling --year 2030-31", "--year: no council exists in 2030-31 in the reference data (2018-19 to 2026-27), and nothing is stored for it")]
    [InlineData("stats --year 2019-20 --authority E99999999", "--authority: E99999999 is not an authority that existed in 2019-20")]
    [InlineData("publish --year 2019-20", "publish: give exactly one of --at TIME, --now or --withdraw")]
    [InlineData("publish --year 2019-20 --at yesterday", "--at: 'yesterday' is not an ISO-8601 time such as 2020-07-29T09:30:00Z")]
    [InlineData("publish --year 2019-20 --withdraw --announce", "publish: --announce puts a date on the release calendar; to cancel an announced release, give --withdraw alone")]
    public void Bad_arguments_are_clear_errors(string arguments, string message)
    {
        var run = CliRun.Of([.. arguments.Split(' '), "--db", _db]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(message, run.Errors.Trim());
    }

    [Fact]
    public void Publish_sets_and_withdraws_a_years_publication_time()
    {
        var set = CliRun.Of("publish", "--year", "2019-20", "--at", "2020-07-29T00:00:00Z", "--db", _db);
        var withdrawn = CliRun.Of("publish", "--year", "2019-20", "--withdraw", "--db", _db);

        var lines = set.Output.Trim().Split('\n');
        Assert.Equal("2019-20 is public from 2020-07-29 00:00:00 UTC.", lines[0].Trim());
        // The 343 councils that existed on 1 April 2019, with no letters approved.
        Assert.Matches(@"^Kept as published \(taken [0-9-]{10} [0-9:]{8} UTC\): 343 councils' figures and 0 approved letters\.$", lines[1].Trim());
        Assert.Equal("2019-20 is unpublished.", withdrawn.Output.Trim());
    }
}
