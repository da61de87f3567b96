using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Statistics;

namespace Upheld.Tests.ComplaintHandling;

/// <summary>Hand-worked complaint-handling figures (docs/statistics.md, "Complaint handling").</summary>
public class ComplaintHandlingEngineTests
{
    private static readonly FinancialYear Year = new(2024);

    private static ComplaintHandlingCounts Council(string code, StageReturn? stage1 = null, StageReturn? stage2 = null,
        int ombudsmanReceived = 0, long? population = 160_000, SelfAssessment? assessment = null) =>
        new(new AuthorityYearCounts(code, "Council " + code, AuthorityTypes.FromCode(code)!.Value, Year, ombudsmanReceived, 0, 0, 0, 0, 0, 0, 0, population),
            stage1, stage2, assessment);

    private static ComplaintHandlingFigures Only(ComplaintHandlingCounts council) => Assert.Single(ComplaintHandlingEngine.Compute([council]));

    [Fact]
    public void Shares_round_on_the_exact_fraction_with_halves_away_from_zero()
    {
        // 167 of 200 answered in time = 83.5% exactly → 84% (halves away from zero; banker's rounding would print 84% too,
        // so also 3 of 24 upheld = 12.5% → 13%, where rounding halves to even would print 12%).
        var f = Only(Council("E07000001", stage1: new StageReturn(210, 200, 167, 80), stage2: new StageReturn(30, 24, 20, 3)));

        Assert.Equal(("84%", 0.835), (f.Stage1InTime.Value.Text, f.Stage1InTime.Value.Rate!.Value));
        Assert.Equal("40%", f.Stage1Upheld.Value.Text); // 80 ÷ 200
        Assert.Equal("83%", f.Stage2InTime.Value.Text); // 20 ÷ 24 = 83.33%
        Assert.Equal("13%", f.Stage2Upheld.Value.Text); // 3 ÷ 24 = 12.5%
    }

    [Fact]
    public void Stage_1_complaints_per_10000_residents_print_one_decimal_halves_away_and_a_trailing_0_dropped()
    {
        // 100 received × 10,000 ÷ 160,000 residents = 6.25 → 6.3; 32 × 10,000 ÷ 160,000 = 2.0 → "2".
        Assert.Equal("6.3", Only(Council("E07000001", stage1: new StageReturn(100, 0, 0, 0))).Stage1Per10k.Text);
        Assert.Equal("2", Only(Council("E07000001", stage1: new StageReturn(32, 0, 0, 0))).Stage1Per10k.Text);
        Assert.Null(Only(Council("E07000001", stage1: new StageReturn(32, 0, 0, 0), population: null)).Stage1Per10k.Text);
    }

    [Fact]
    public void Ombudsman_complaints_per_100_stage_2_responses_is_a_ratio_that_can_exceed_100_and_is_null_without_responses()
    {
        // 1 received by the ombudsman × 100 ÷ 16 stage 2 responses = 6.25 → 6.3.
        Assert.Equal("6.3", Only(Council("E07000001", stage2: new StageReturn(20, 16, 16, 0), ombudsmanReceived: 1)).OmbudsmanPer100Stage2.Text);
        // 30 × 100 ÷ 20 = 150: the ombudsman also receives complaints that never went through the council's procedure.
        Assert.Equal("150", Only(Council("E07000001", stage2: new StageReturn(25, 20, 18, 2), ombudsmanReceived: 30)).OmbudsmanPer100Stage2.Text);
        Assert.Null(Only(Council("E07000001", stage2: new StageReturn(3, 0, 0, 0), ombudsmanReceived: 30)).OmbudsmanPer100Stage2.Exact);
        Assert.Null(Only(Council("E07000001", ombudsmanReceived: 30)).OmbudsmanPer100Stage2.Exact);
    }

    [Fact]
    public void Nothing_responded_is_no_rate_never_0_percent_and_no_return_is_null_throughout()
    {
        var nothingResponded = Only(Council("E07000001", stage1: new StageReturn(4, 0, 0, 0)));
        var noReturn = Only(Council("E07000001"));

        Assert.Equal((null, null, null), (nothingResponded.Stage1InTime.Value.Text, nothingResponded.Stage1InTime.Interval, nothingResponded.Stage1InTime.Comparison));
        Assert.Equal("0.3", nothingResponded.Stage1Per10k.Text); // 4 × 10,000 ÷ 160,000 = 0.25 → 0.3
        Assert.False(noReturn.HasReturn);
        Assert.All(new[] { noReturn.Stage1InTime, noReturn.Stage1Upheld, noReturn.Stage2InTime, noReturn.Stage2Upheld },
            s => Assert.Equal((null, (Interval?)null, (Comparison?)null), (s.Value.Text, s.Interval, s.Comparison)));
        Assert.Null(noReturn.Stage1Per10k.Text);
        // 0 of n is a real 0%.
        Assert.Equal("0%", Only(Council("E07000001", stage1: new StageReturn(4, 4, 0, 0))).Stage1InTime.Value.Text);
    }

    [Fact]
    public void The_average_is_pooled_over_councils_of_the_same_type_and_the_comparison_needs_the_interval_to_exclude_it()
    {
        // Districts: 167 of 200 and 5 of 10 in time, a third with no return (0 of 0). Pooled: 172 ÷ 210 = 81.9% → 82%.
        // The unitary's 1 of 1 is another type and stays out. 5 of 10: Wilson 23.7%–76.3% lies wholly below 81.9% → lower.
        // 167 of 200: Wilson about 77.7%–88.0% holds 81.9% → similar.
        var results = ComplaintHandlingEngine.Compute(
        [
            Council("E07000001", stage1: new StageReturn(210, 200, 167, 80)),
            Council("E07000002", stage1: new StageReturn(12, 10, 5, 1)),
            Council("E07000003"),
            Council("E06000001", stage1: new StageReturn(1, 1, 1, 0)),
        ]).ToDictionary(r => r.Code);

        Assert.Equal(["E06000001", "E07000001", "E07000002", "E07000003"], results.Keys);
        Assert.Equal(new Rational(172, 210), results["E07000002"].Stage1InTime.Average.Exact);
        Assert.Equal("82%", results["E07000003"].Stage1InTime.Average.Text);
        Assert.Equal(Comparison.Lower, results["E07000002"].Stage1InTime.Comparison);
        Assert.Equal(0.237, results["E07000002"].Stage1InTime.Interval!.Value.Low, 3);
        Assert.Equal(0.763, results["E07000002"].Stage1InTime.Interval!.Value.High, 3);
        Assert.Equal(Comparison.Similar, results["E07000001"].Stage1InTime.Comparison);
        Assert.Null(results["E07000003"].Stage1InTime.Comparison);
        Assert.Equal("100%", results["E06000001"].Stage1InTime.Average.Text);
        // Upheld, pooled: (80 + 1) ÷ 210 = 38.6% → 39%; no district has a stage 2 return, so no stage 2 average.
        Assert.Equal("39%", results["E07000001"].Stage1Upheld.Average.Text);
        Assert.Null(results["E07000001"].Stage2InTime.Average.Text);
    }
}
