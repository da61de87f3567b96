using System.Text.Json;
using Upheld.Tests.Cli;
using Upheld.Tests.Import;

namespace Upheld.Tests.ComplaintHandling;

/// <summary><c>upheld complaint-handling</c> on the real program: every council of the year in code order, JSON, CSV and table.</summary>
public sealed class ComplaintHandlingCommandTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"upheld-cli-{Guid.NewGuid():N}.db");
    private readonly ImportFolder _folder = new();

    public void Dispose()
    {
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" }) File.Delete(file);
        _folder.Dispose();
    }

    private void ImportWorcestershire()
    {
        _folder.With("complaint_returns.csv", "authority_code,year,stage,received,responded,responded_in_time,upheld",
                "E10000034,2025-26,1,210,200,167,50", "E10000034,2025-26,2,30,16,12,4")
            .With("received.csv", "case_ref,authority_code,received_date", "W1,E10000034,2025-05-01", "W2,E10000034,2025-06-01")
            .With("code_self_assessments.csv", "authority_code,year,section,follows,action,target_date,submitted_on",
                "E10000034,2025-26,1,yes,,,2026-06-30", "E10000034,2025-26,4,no,Appoint a second officer,2027-03-31,2026-06-30");
        var import = CliRun.Of("import", _folder.Path, "--db", _db);
        Assert.True(import.ExitCode == 0, import.Errors);
    }

    [Fact]
    public void Json_has_every_council_of_the_year_in_code_order_with_the_issue_fields()
    {
        ImportWorcestershire();

        var run = CliRun.Of("complaint-handling", "--year", "2025-26", "--format", "json", "--db", _db);

        Assert.Equal(0, run.ExitCode);
        var councils = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(317, councils.Count); // the councils of 2024-25, unchanged in 2025-26
        Assert.Equal(councils.Select(c => c.GetProperty("code").GetString()).Order(StringComparer.Ordinal), councils.Select(c => c.GetProperty("code").GetString()));
        var worcestershire = councils.Single(c => c.GetProperty("code").GetString() == "E10000034");
        Assert.Equal(["code", "name", "type", "year",
            "stage1_received", "stage1_responded", "stage1_in_time", "stage1_in_time_rate", "stage1_in_time_pct", "stage1_upheld", "stage1_upheld_rate", "stage1_upheld_pct",
            "stage2_received", "stage2_responded", "stage2_in_time", "stage2_in_time_rate", "stage2_in_time_pct", "stage2_upheld", "stage2_upheld_rate", "stage2_upheld_pct",
            "ombudsman_received", "ombudsman_per_100_stage2", "ombudsman_per_100_stage2_text", "stage1_per_10k", "stage1_per_10k_text",
            "self_assessment", "average", "interval", "comparison"], worcestershire.EnumerateObject().Select(p => p.Name));
        Assert.Equal("84%", worcestershire.GetProperty("stage1_in_time_pct").GetString()); // 167 ÷ 200 = 83.5%
        // 2 received by the ombudsman × 100 ÷ 16 stage 2 responses = 12.5
        Assert.Equal((2, "12.5"), (worcestershire.GetProperty("ombudsman_received").GetInt32(), worcestershire.GetProperty("ombudsman_per_100_stage2_text").GetString()));
        Assert.Equal("""{"submitted_on":"2026-06-30","late":false,"sections":2,"follows":1,"does_not_follow":1}""",
            JsonSerializer.Serialize(worcestershire.GetProperty("self_assessment")));
        Assert.Equal(["stage1_in_time", "stage1_upheld", "stage2_in_time", "stage2_upheld"], worcestershire.GetProperty("comparison").EnumerateObject().Select(p => p.Name));
        var other = councils.First(c => c.GetProperty("code").GetString() != "E10000034");
        Assert.Equal(JsonValueKind.Null, other.GetProperty("stage1_in_time_pct").ValueKind);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("self_assessment").ValueKind);
    }

    [Fact]
    public void Csv_and_table_for_one_authority()
    {
        ImportWorcestershire();

        var csv = CliRun.Of("complaint-handling", "--year", "2025-26", "--authority", "E10000034", "--format", "csv", "--db", _db);
        var table = CliRun.Of("complaint-handling", "--year", "2025-26", "--authority", "E10000034", "--db", _db);
        var unknown = CliRun.Of("complaint-handling", "--year", "2025-26", "--authority", "E07000156", "--db", _db);

        var lines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("E10000034,Worcestershire,County,2025-26,210,200,167,0.835,84%,", lines[1]);
        Assert.Contains("84%", table.Output);
        Assert.Contains("1 of 2 followed", table.Output);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("E07000156 is not an authority that existed in 2025-26", unknown.Errors);
    }
}
