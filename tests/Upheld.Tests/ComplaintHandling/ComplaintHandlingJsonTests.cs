using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Statistics;

namespace Upheld.Tests.ComplaintHandling;

/// <summary>The JSON and CSV of <c>complaint-handling</c>: field names and order exactly as docs/data-formats.md lists them.</summary>
public class ComplaintHandlingJsonTests
{
    private static readonly FinancialYear Year = new(2024);

    private static ComplaintHandlingFigures[] Worcestershire(bool withReturn)
    {
        var counts = new AuthorityYearCounts("E10000034", "Worcestershire", AuthorityType.County, Year, 100, 0, 0, 0, 0, 0, 0, 0, 160_000);
        SelfAssessment assessment = new(new DateOnly(2025, 6, 30), false,
            [.. CodeSections.Ids.Select(id => new SelfAssessmentRow(id, id is not ("4" or "8"), null, id is "4" or "8" ? "Act" : null, null))]);
        return [.. ComplaintHandlingEngine.Compute([withReturn
            ? new ComplaintHandlingCounts(counts, new StageReturn(210, 200, 167, 50), new StageReturn(30, 16, 12, 4), assessment)
            : new ComplaintHandlingCounts(counts, null, null, null)])];
    }

    [Fact]
    public void A_council_with_returns_and_a_self_assessment_is_written_field_by_field_in_order()
    {
        var json = ComplaintHandlingJson.ToText(Worcestershire(withReturn: true));

        // 167/200 = 0.835 → "84%"; 50/200 → "25%"; 12/16 → "75%"; 4/16 → "25%"; 100 × 100 ÷ 16 = 625;
        // 210 × 10,000 ÷ 160,000 = 13.125 → 13.1. The council is its type's only one, so each average is its own rate.
        Assert.StartsWith("""
            [
              {
                "code": "E10000034",
                "name": "Worcestershire",
                "type": "County",
                "year": "2024-25",
                "stage1_received": 210,
                "stage1_responded": 200,
                "stage1_in_time": 167,
                "stage1_in_time_rate": 0.835,
                "stage1_in_time_pct": "84%",
                "stage1_upheld": 50,
                "stage1_upheld_rate": 0.25,
                "stage1_upheld_pct": "25%",
                "stage2_received": 30,
                "stage2_responded": 16,
                "stage2_in_time": 12,
                "stage2_in_time_rate": 0.75,
                "stage2_in_time_pct": "75%",
                "stage2_upheld": 4,
                "stage2_upheld_rate": 0.25,
                "stage2_upheld_pct": "25%",
                "ombudsman_received": 100,
                "ombudsman_per_100_stage2": 625,
                "ombudsman_per_100_stage2_text": "625",
                "stage1_per_10k": 13.125,
                "stage1_per_10k_text": "13.1",
                "self_assessment": {
                  "submitted_on": "2025-06-30",
                  "late": false,
                  "sections": 10,
                  "follows": 8,
                  "does_not_follow": 2
                },
                "average": {
                  "method": "pooled",
                  "stage1_in_time_rate": 0.835,
                  "stage1_in_time_pct": "84%",
                  "stage1_upheld_rate": 0.25,
                  "stage1_upheld_pct": "25%",
                  "stage2_in_time_rate": 0.75,
                  "stage2_in_time_pct": "75%",
                  "stage2_upheld_rate": 0.25,
                  "stage2_upheld_pct": "25%"
                },
                "interval": {
                  "stage1_in_time": [
            """.Replace("\r\n", "\n"), json);
        Assert.Contains("""
                "comparison": {
                  "stage1_in_time": "similar",
                  "stage1_upheld": "similar",
                  "stage2_in_time": "similar",
                  "stage2_upheld": "similar"
                }
              }
            ]
            """.Replace("\r\n", "\n"), json);
    }

    [Fact]
    public void A_council_that_sent_nothing_has_nulls_but_keeps_the_ombudsman_count()
    {
        var json = ComplaintHandlingJson.ToText(Worcestershire(withReturn: false));

        Assert.Contains("\"stage1_received\": null,\n    \"stage1_responded\": null,\n    \"stage1_in_time\": null,\n    \"stage1_in_time_rate\": null,\n    \"stage1_in_time_pct\": null,", json);
        Assert.Contains("\"ombudsman_received\": 100,\n    \"ombudsman_per_100_stage2\": null,\n    \"ombudsman_per_100_stage2_text\": null,\n    \"stage1_per_10k\": null,\n    \"stage1_per_10k_text\": null,\n    \"self_assessment\": null,", json);
        Assert.Contains("\"interval\": {\n      \"stage1_in_time\": null,", json);
    }

    [Fact]
    public void The_csv_has_the_json_fields_flattened_in_the_same_order()
    {
        var text = System.Text.Encoding.UTF8.GetString(ComplaintHandlingCsv.Bytes(Worcestershire(withReturn: true)));
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("code,name,type,year,stage1_received,stage1_responded,stage1_in_time,stage1_in_time_rate,stage1_in_time_pct,", lines[0]);
        Assert.Contains(",ombudsman_received,ombudsman_per_100_stage2,ombudsman_per_100_stage2_text,stage1_per_10k,stage1_per_10k_text,self_assessment_submitted_on,self_assessment_late,self_assessment_sections,self_assessment_follows,self_assessment_does_not_follow,average_method,", lines[0]);
        Assert.EndsWith(",comparison_stage1_in_time,comparison_stage1_upheld,comparison_stage2_in_time,comparison_stage2_upheld", lines[0]);
        Assert.StartsWith("E10000034,Worcestershire,County,2024-25,210,200,167,0.835,84%,50,0.25,25%,30,16,12,0.75,75%,4,0.25,25%,100,625,625,13.125,13.1,2025-06-30,false,10,8,2,pooled,", lines[1]);
        Assert.Equal(lines[0].Split(',').Length, lines[1].Split(',').Length);
    }
}
