using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Statistics;

namespace Upheld.Signals;

/// <summary>
/// Writes <c>signals --format json</c> (docs/data-formats.md, "Signals"): one object with the year, every council's case-mix
/// ratio in code order and the year's signals, field names and order fixed, byte for byte the same on every run.
/// </summary>
/// <remarks>
/// <c>signals</c> holds the service-area signals (docs/statistics.md, "Service-area signals"): the command's strongest first, the API's
/// for a published year as frozen with it, in council code order.
/// </remarks>
public static class SignalsJson
{
    private static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The year's object for <paramref name="councils"/> (every council of the year, or the one asked for).</summary>
    /// <param name="signals">The year's service-area signals, strongest first (those of the council asked for); none when left out.</param>
    public static void Write(Stream stream, FinancialYear year, IEnumerable<CaseMixRatio> councils, bool indented = true, IEnumerable<SignalTest>? signals = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options(indented));
        WriteYear(writer, year, councils, signals: w => { foreach (var signal in signals ?? []) WriteSignal(w, signal); });
    }

    /// <summary>The year's object with the signals as published (<see cref="SignalsRecord"/>): the API's answer for a published year.</summary>
    public static byte[] Bytes(FinancialYear year, IEnumerable<CaseMixRatio> councils, IEnumerable<CouncilSignals> published)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options(indented: true)))
            WriteYear(writer, year, councils, signals: w => WritePublished(w, published));
        return buffer.ToArray();
    }

    /// <summary>Several years' objects in an array, oldest first: a council's every published year in the API.</summary>
    /// <param name="more">Adds fields to a council's element before it closes (the API's <c>revised_on</c> and <c>as_published</c>).</param>
    /// <param name="published">The council's signals of each year as published; none when left out.</param>
    public static void WriteYears(Stream stream, IEnumerable<(FinancialYear Year, IEnumerable<CaseMixRatio> Councils)> years, bool indented = true,
        Action<Utf8JsonWriter, CaseMixRatio>? more = null, Func<FinancialYear, IEnumerable<CouncilSignals>>? published = null)
    {
        using var writer = new Utf8JsonWriter(stream, Options(indented));
        writer.WriteStartArray();
        foreach (var (year, councils) in years) WriteYear(writer, year, councils, more, w => WritePublished(w, published?.Invoke(year) ?? []));
        writer.WriteEndArray();
    }

    // Published signals in council code order, each council's strongest first: the public files never rank councils by strength.
    private static void WritePublished(Utf8JsonWriter w, IEnumerable<CouncilSignals> published)
    {
        foreach (var council in published.OrderBy(c => c.Code, StringComparer.Ordinal))
            foreach (var signal in council.Signals) SignalsRecord.Write(w, council.Code, signal);
    }

    /// <summary>
    /// One council's case-mix record on one line: what a published snapshot keeps (kind <c>case-mix</c>). Its counts and comparison
    /// are what a revision is judged on; the expected count, ratio and interval, printed and unrounded, sit under
    /// <c>at_national_rates</c>, as every council's data moves them (docs/statistics.md, "Case-mix ratio").
    /// </summary>
    public static string Record(CaseMixRatio r)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options(indented: false)))
        {
            w.WriteStartObject();
            w.WriteString("code", r.Code);
            w.WriteString("name", r.Name);
            w.WriteString("type", r.Type.DisplayName());
            w.WriteString("year", r.Year.ToString());
            w.WriteNumber("investigations", r.Investigations);
            w.WriteNumber("observed_upheld", r.ObservedUpheld);
            w.WriteString("comparison", r.Comparison?.ToWireName());
            w.WriteStartObject("at_national_rates");
            w.WriteNumber("expected_upheld", r.Expected.Nearest());
            w.WriteString("expected_upheld_text", r.ExpectedText);
            if (r.Ratio is { } ratio) w.WriteNumber("ratio", ratio.Nearest()); else w.WriteNull("ratio");
            w.WriteString("ratio_text", r.RatioText);
            if (r.Interval is { } interval)
            {
                w.WriteStartArray("interval");
                w.WriteNumberValue(interval.Low);
                w.WriteNumberValue(interval.High);
                w.WriteEndArray();
                w.WriteStartArray("interval_text");
                w.WriteStringValue(CaseMixText.Bound(interval.Low));
                w.WriteStringValue(CaseMixText.Bound(interval.High));
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("interval");
                w.WriteNull("interval_text");
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteYear(Utf8JsonWriter w, FinancialYear year, IEnumerable<CaseMixRatio> councils, Action<Utf8JsonWriter, CaseMixRatio>? more = null,
        Action<Utf8JsonWriter>? signals = null)
    {
        w.WriteStartObject();
        w.WriteString("year", year.ToString());
        w.WriteStartArray("case_mix");
        foreach (var council in councils) WriteCaseMix(w, council, more is null ? null : writer => more(writer, council));
        w.WriteEndArray();
        w.WriteStartArray("signals");
        signals?.Invoke(w);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One signal: the council and category, O, the count the national trend predicts, the exact p- and q-values as doubles, and its words.</summary>
    public static void WriteSignal(Utf8JsonWriter w, SignalTest s)
    {
        w.WriteStartObject();
        w.WriteString("code", s.Code);
        w.WriteString("category", s.Category);
        w.WriteNumber("observed", s.Observed);
        w.WriteNumber("expected", s.Expected.Nearest());
        w.WriteNumber("p_value", s.PValue.Nearest());
        w.WriteNumber("q_value", s.QValue.Nearest());
        w.WriteString("words", s.Words);
        w.WriteEndObject();
    }

    /// <summary>Writes one council's element; <paramref name="more"/> adds fields before it closes.</summary>
    public static void WriteCaseMix(Utf8JsonWriter w, CaseMixRatio r, Action<Utf8JsonWriter>? more = null)
    {
        w.WriteStartObject();
        w.WriteString("code", r.Code);
        w.WriteString("name", r.Name);
        w.WriteString("type", r.Type.DisplayName());
        w.WriteNumber("investigations", r.Investigations);
        w.WriteNumber("observed_upheld", r.ObservedUpheld);
        w.WriteNumber("expected_upheld", r.Expected.Nearest());
        if (r.Ratio is { } ratio) w.WriteNumber("ratio", ratio.Nearest()); else w.WriteNull("ratio");
        if (r.Interval is { } interval)
        {
            w.WriteStartArray("interval");
            w.WriteNumberValue(interval.Low);
            w.WriteNumberValue(interval.High);
            w.WriteEndArray();
        }
        else w.WriteNull("interval");
        w.WriteString("comparison", r.Comparison?.ToWireName());
        more?.Invoke(w);
        w.WriteEndObject();
    }
}

/// <summary>
/// <c>signals --format csv</c> and the site's case-mix downloads: one row per council of the case-mix array, the JSON element's
/// fields in its order with the year after the type and the interval flattened (<c>interval_low</c>, <c>interval_high</c>).
/// </summary>
public static class SignalsCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["code", "name", "type", "year", "investigations", "observed_upheld", "expected_upheld", "ratio", "interval_low", "interval_high", "comparison"];

    /// <summary>The columns of a council's working: its expected count group by group (the table on its page).</summary>
    public static readonly IReadOnlyList<string> WorkingColumns =
        ["code", "name", "year", "category", "investigations", "upheld", "national_uphold_rate", "national_uphold_pct", "expected_upheld"];

    public static byte[] Bytes(IEnumerable<CaseMixRatio> councils) => CsvWriter.Build(Columns, councils.Select(Row));

    /// <summary>The columns of <c>signals --format csv --part signals</c>: the JSON signal element's fields in its order, with the name and year.</summary>
    public static readonly IReadOnlyList<string> SignalColumns =
        ["code", "name", "year", "category", "observed", "previous_three_years", "expected", "p_value", "q_value", "words"];

    /// <summary>Signals as published (<see cref="SignalsRecord"/>), in the columns of <see cref="SignalColumns"/>: a council's download.</summary>
    public static byte[] Signals(CouncilSignals council) => CsvWriter.Build(SignalColumns, council.Signals.Select(s => (IReadOnlyList<string?>)
    [
        council.Code, council.Name, council.Year.ToString(), s.Category, Whole(s.Observed), Whole(s.Previous), Number(s.Expected),
        Number(s.PValue), Number(s.QValue), s.Words,
    ]));

    public static byte[] Signals(IEnumerable<SignalTest> signals) => CsvWriter.Build(SignalColumns, signals.Select(s => (IReadOnlyList<string?>)
    [
        s.Code, s.Name, s.Year.ToString(), s.Category, Whole(s.Observed), Whole(s.Previous), Number(s.Expected.Nearest()),
        Number(s.PValue.Nearest()), Number(s.QValue.Nearest()), s.Words,
    ]));

    /// <summary>A council's working: every group it had investigations in, then a total row.</summary>
    public static byte[] Working(CaseMixRatio r) => CsvWriter.Build(WorkingColumns,
        r.Lines.Where(l => l.Investigations > 0).Select(l => (IReadOnlyList<string?>)
        [
            r.Code, r.Name, r.Year.ToString(), l.Group, Whole(l.Investigations), Whole(l.Upheld), Number(l.NationalRate?.Nearest()),
            l.NationalRate is { } p ? DisplayRounding.Percent(p) : null, Number(l.Expected.Nearest()),
        ]).Append([r.Code, r.Name, r.Year.ToString(), "Total", Whole(r.Investigations), Whole(r.ObservedUpheld), null, null, Number(r.Expected.Nearest())]));

    private static IReadOnlyList<string?> Row(CaseMixRatio r) =>
    [
        r.Code, r.Name, r.Type.DisplayName(), r.Year.ToString(), Whole(r.Investigations), Whole(r.ObservedUpheld),
        Number(r.Expected.Nearest()), Number(r.Ratio?.Nearest()), Number(r.Interval?.Low), Number(r.Interval?.High), r.Comparison?.ToWireName(),
    ];

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
