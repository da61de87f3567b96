using System.Globalization;
using System.Text;
using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.ComplaintHandling;

/// <summary>
/// <c>complaint-handling --format csv</c> and the site's downloads: the JSON's fields in its order, nested ones flattened
/// with "_" (<c>self_assessment_follows</c>, <c>average_stage1_in_time_pct</c>, <c>interval_stage1_in_time_low</c>).
/// </summary>
public static class ComplaintHandlingCsv
{
    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    public static void Write(TextWriter writer, IEnumerable<ComplaintHandlingFigures> results)
    {
        Csv.CsvWriter.WriteRow(writer, Columns);
        foreach (var result in results) Csv.CsvWriter.WriteRow(writer, Row(result));
        writer.Flush();
    }

    public static byte[] Bytes(IEnumerable<ComplaintHandlingFigures> results)
    {
        var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true)) Write(writer, results);
        return buffer.ToArray();
    }

    /// <summary>A council's self-assessment rows, one per section, with the section's title: the table beside it on the council page.</summary>
    public static byte[] SelfAssessment(ComplaintHandlingFigures f)
    {
        var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            Csv.CsvWriter.WriteRow(writer, ["code", "name", "year", "section", "title", "follows", "evidence", "action", "target_date", "submitted_on"]);
            foreach (var r in f.Counts.SelfAssessment?.Rows ?? [])
                Csv.CsvWriter.WriteRow(writer, [f.Code, f.Name, f.Year.ToString(), r.Section, CodeSections.Find(r.Section)?.Title, r.Follows ? "yes" : "no",
                    r.Evidence, r.Action, Iso(r.TargetDate), Iso(f.Counts.SelfAssessment!.SubmittedOn)]);
        }
        return buffer.ToArray();
    }

    private static List<string> BuildColumns()
    {
        var columns = new List<string> { "code", "name", "type", "year" };
        foreach (var stage in new[] { 1, 2 })
        {
            columns.AddRange([$"stage{stage}_received", $"stage{stage}_responded"]);
            foreach (var f in ComplaintHandlingJson.Fields.Where(f => f.Stage == stage)) columns.AddRange([f.CountName, f.RateName, f.TextName]);
        }
        columns.AddRange(["ombudsman_received", "ombudsman_per_100_stage2", "ombudsman_per_100_stage2_text", "stage1_per_10k", "stage1_per_10k_text",
            "self_assessment_submitted_on", "self_assessment_late", "self_assessment_sections", "self_assessment_follows", "self_assessment_does_not_follow",
            "average_method"]);
        foreach (var f in ComplaintHandlingJson.Fields) columns.AddRange(["average_" + f.RateName, "average_" + f.TextName]);
        foreach (var f in ComplaintHandlingJson.Fields) columns.AddRange([$"interval_{f.Key}_low", $"interval_{f.Key}_high"]);
        foreach (var f in ComplaintHandlingJson.Fields) columns.Add("comparison_" + f.Key);
        return columns;
    }

    private static List<string?> Row(ComplaintHandlingFigures s)
    {
        var row = new List<string?> { s.Code, s.Name, s.Type.DisplayName(), s.Year.ToString() };
        foreach (var stage in new[] { 1, 2 })
        {
            var r = ComplaintHandlingJson.Stage(s, stage);
            row.AddRange([Whole(r?.Received), Whole(r?.Responded)]);
            foreach (var f in ComplaintHandlingJson.Fields.Where(f => f.Stage == stage))
                row.AddRange([Whole(r is null ? null : f.Count(r)), Number(f.Select(s).Value.Rate), f.Select(s).Value.Text]);
        }
        var a = s.Counts.SelfAssessment;
        row.AddRange([Whole(s.Counts.Ombudsman.Received), Number(s.OmbudsmanPer100Stage2.Rate), s.OmbudsmanPer100Stage2.Text,
            Number(s.Stage1Per10k.Rate), s.Stage1Per10k.Text,
            Iso(a?.SubmittedOn), a is null ? null : a.Late ? "true" : "false", Whole(a?.Rows.Count), Whole(a?.Follows), Whole(a?.DoesNotFollow),
            s.AverageMethod.ToWireName()]);
        foreach (var f in ComplaintHandlingJson.Fields) row.AddRange([Number(f.Select(s).Average.Rate), f.Select(s).Average.Text]);
        foreach (var f in ComplaintHandlingJson.Fields) row.AddRange([Number(f.Select(s).Interval?.Low), Number(f.Select(s).Interval?.High)]);
        foreach (var f in ComplaintHandlingJson.Fields) row.Add(f.Select(s).Comparison?.ToWireName());
        return row;
    }

    private static string? Whole(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
