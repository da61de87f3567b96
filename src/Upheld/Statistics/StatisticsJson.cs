using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>Writes the engine's results as the array of <c>stats --format json</c> (docs/data-formats.md), byte for byte the same on every run.</summary>
public static class StatisticsJson
{
    private static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        // Names such as "King's Lynn" stay readable; the output is data, never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes UTF-8 JSON (no byte order mark) to <paramref name="stream"/>, leaving it open.</summary>
    /// <param name="more">Adds fields to a record before it closes (the API's <c>as_published</c>); records it adds nothing to are unchanged.</param>
    public static void Write(Stream stream, IEnumerable<AuthorityStatistics> results, bool indented = true, Action<Utf8JsonWriter, AuthorityStatistics>? more = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options(indented));
        Write(writer, results, more);
    }

    /// <summary>Writes the JSON to <paramref name="textWriter"/>, leaving it open.</summary>
    public static void Write(TextWriter textWriter, IEnumerable<AuthorityStatistics> results, bool indented = true)
    {
        var buffer = new MemoryStream();
        Write(buffer, results, indented);
        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes the array with an existing writer, e.g. inside a larger document or an HTTP response.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<AuthorityStatistics> results, Action<Utf8JsonWriter, AuthorityStatistics>? more = null)
    {
        writer.WriteStartArray();
        foreach (var result in results) WriteAuthority(writer, result, more is null ? null : w => more(w, result));
        writer.WriteEndArray();
        writer.Flush();
    }

    /// <summary>One authority's record as the array holds it, on one line: what a published snapshot keeps.</summary>
    public static string Record(AuthorityStatistics statistics)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options(indented: false))) WriteAuthority(writer, statistics);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes one authority's record, then any fields <paramref name="more"/> adds before the record closes.</summary>
    public static void WriteAuthority(Utf8JsonWriter w, AuthorityStatistics s, Action<Utf8JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WriteString("code", s.Code);
        w.WriteString("name", s.Name);
        w.WriteString("type", s.Type.DisplayName());
        w.WriteString("year", s.Year.ToString());
        foreach (var (name, value) in StatisticsFields.Counts) WriteNumber(w, name, value(s.Counts));
        foreach (var f in StatisticsFields.Statistics) WriteFigure(w, f, f.Select(s).Value);

        w.WriteStartObject("average");
        w.WriteString("method", s.AverageMethod.ToWireName());
        foreach (var f in StatisticsFields.Statistics) WriteFigure(w, f, f.Select(s).Average);
        w.WriteEndObject();

        w.WriteStartObject("interval");
        foreach (var f in StatisticsFields.Statistics)
        {
            if (f.Select(s).Interval is not { } interval) { w.WriteNull(f.Key); continue; }
            w.WriteStartArray(f.Key);
            w.WriteNumberValue(interval.Low);
            w.WriteNumberValue(interval.High);
            w.WriteEndArray();
        }
        w.WriteEndObject();

        w.WriteStartObject("comparison");
        foreach (var f in StatisticsFields.Statistics) w.WriteString(f.Key, f.Select(s).Comparison?.ToWireName());
        w.WriteEndObject();
        more?.Invoke(w);
        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, StatisticField field, Figure figure)
    {
        WriteNumber(w, field.RateName, figure.Rate);
        w.WriteString(field.TextName, figure.Text);
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
