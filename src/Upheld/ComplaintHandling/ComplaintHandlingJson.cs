using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.ComplaintHandling;

/// <summary>One proportion's names in the data formats, as <see cref="StatisticField"/> names the key statistics'.</summary>
public sealed record ComplaintHandlingField(string Key, string CountName, string RateName, string TextName, Func<ComplaintHandlingFigures, Statistic> Select, Func<StageReturn, long> Count, int Stage);

/// <summary>
/// Writes <c>complaint-handling --format json</c> (docs/data-formats.md, "Complaint handling"): one object per council in
/// code order, field names and order fixed, byte for byte the same on every run; the API answers with the same bytes.
/// </summary>
public static class ComplaintHandlingJson
{
    /// <summary>The four proportions, in the order of the JSON's <c>average</c>, <c>interval</c> and <c>comparison</c>.</summary>
    public static readonly IReadOnlyList<ComplaintHandlingField> Fields =
    [
        new("stage1_in_time", "stage1_in_time", "stage1_in_time_rate", "stage1_in_time_pct", f => f.Stage1InTime, r => r.InTime, 1),
        new("stage1_upheld", "stage1_upheld", "stage1_upheld_rate", "stage1_upheld_pct", f => f.Stage1Upheld, r => r.Upheld, 1),
        new("stage2_in_time", "stage2_in_time", "stage2_in_time_rate", "stage2_in_time_pct", f => f.Stage2InTime, r => r.InTime, 2),
        new("stage2_upheld", "stage2_upheld", "stage2_upheld_rate", "stage2_upheld_pct", f => f.Stage2Upheld, r => r.Upheld, 2),
    ];

    private static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="more">Adds fields to a council's element before it closes (the API's <c>revised_on</c> and <c>as_published</c>).</param>
    public static void Write(Stream stream, IEnumerable<ComplaintHandlingFigures> results, bool indented = true, Action<Utf8JsonWriter, ComplaintHandlingFigures>? more = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options(indented));
        writer.WriteStartArray();
        foreach (var result in results) WriteCouncil(writer, result, more is null ? null : w => more(w, result));
        writer.WriteEndArray();
    }

    public static string ToText(IEnumerable<ComplaintHandlingFigures> results)
    {
        var buffer = new MemoryStream();
        Write(buffer, results);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>One council's element on one line: what a published snapshot keeps (kind <c>complaint-handling</c>).</summary>
    public static string Record(ComplaintHandlingFigures figures) => OneLine(w => WriteCouncil(w, figures));

    /// <summary>
    /// One council's self-assessment rows on one line, as the council page's table shows them: what a published snapshot
    /// keeps (kind <c>self-assessment</c>), so a section's action or target date changed after publication is a revision too.
    /// </summary>
    public static string SelfAssessmentRecord(ComplaintHandlingFigures f) => OneLine(w =>
    {
        var a = f.Counts.SelfAssessment;
        w.WriteStartObject();
        w.WriteString("code", f.Code);
        w.WriteString("year", f.Year.ToString());
        if (a is null) w.WriteNull("submitted_on"); else w.WriteString("submitted_on", Iso(a.SubmittedOn));
        w.WriteStartArray("sections");
        foreach (var r in a?.Rows ?? [])
        {
            w.WriteStartObject();
            w.WriteString("section", r.Section);
            w.WriteString("follows", r.Follows ? "yes" : "no");
            w.WriteString("evidence", r.Evidence);
            w.WriteString("action", r.Action);
            if (r.TargetDate is { } target) w.WriteString("target_date", Iso(target)); else w.WriteNull("target_date");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string OneLine(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options(indented: false))) write(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes one council's element; <paramref name="more"/> adds fields before it closes (the API's <c>as_published</c>).</summary>
    public static void WriteCouncil(Utf8JsonWriter w, ComplaintHandlingFigures f, Action<Utf8JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WriteString("code", f.Code);
        w.WriteString("name", f.Name);
        w.WriteString("type", f.Type.DisplayName());
        w.WriteString("year", f.Year.ToString());
        foreach (var stage in new[] { 1, 2 })
        {
            var r = Stage(f, stage);
            WriteNumber(w, $"stage{stage}_received", r?.Received);
            WriteNumber(w, $"stage{stage}_responded", r?.Responded);
            foreach (var field in Fields.Where(x => x.Stage == stage))
            {
                WriteNumber(w, field.CountName, r is null ? null : field.Count(r));
                WriteFigure(w, field.RateName, field.TextName, field.Select(f).Value);
            }
        }
        w.WriteNumber("ombudsman_received", f.Counts.Ombudsman.Received);
        WriteFigure(w, "ombudsman_per_100_stage2", "ombudsman_per_100_stage2_text", f.OmbudsmanPer100Stage2);
        WriteFigure(w, "stage1_per_10k", "stage1_per_10k_text", f.Stage1Per10k);
        if (f.Counts.SelfAssessment is { } a)
        {
            w.WriteStartObject("self_assessment");
            w.WriteString("submitted_on", Iso(a.SubmittedOn));
            w.WriteBoolean("late", a.Late);
            w.WriteNumber("sections", a.Rows.Count);
            w.WriteNumber("follows", a.Follows);
            w.WriteNumber("does_not_follow", a.DoesNotFollow);
            w.WriteEndObject();
        }
        else w.WriteNull("self_assessment");

        w.WriteStartObject("average");
        w.WriteString("method", f.AverageMethod.ToWireName());
        foreach (var field in Fields) WriteFigure(w, field.RateName, field.TextName, field.Select(f).Average);
        w.WriteEndObject();
        w.WriteStartObject("interval");
        foreach (var field in Fields)
        {
            if (field.Select(f).Interval is not { } interval) { w.WriteNull(field.Key); continue; }
            w.WriteStartArray(field.Key);
            w.WriteNumberValue(interval.Low);
            w.WriteNumberValue(interval.High);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("comparison");
        foreach (var field in Fields) w.WriteString(field.Key, field.Select(f).Comparison?.ToWireName());
        w.WriteEndObject();
        more?.Invoke(w);
        w.WriteEndObject();
    }

    internal static StageReturn? Stage(ComplaintHandlingFigures f, int stage) => stage == 1 ? f.Counts.Stage1 : f.Counts.Stage2;

    private static void WriteFigure(Utf8JsonWriter w, string rateName, string textName, Figure figure)
    {
        if (figure.Rate is { } rate) w.WriteNumber(rateName, rate); else w.WriteNull(rateName);
        w.WriteString(textName, figure.Text);
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
