using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Upheld.Signals;

/// <summary>One signal as a council's published record keeps it (kind <c>signals</c>).</summary>
/// <param name="Previous">S: the council's upheld decisions in the category over the three previous years.</param>
/// <param name="Expected">The count the national trend predicts, unrounded; <paramref name="ExpectedText"/> is it printed from the exact value.</param>
public sealed record PublishedSignal(string Category, long Observed, long Previous, double Expected, string ExpectedText, double PValue, double QValue, string Words);

/// <summary>A council's service-area signals of a year as published: tested or not and why, and its signals, strongest first.</summary>
public sealed record CouncilSignals(string Code, string Name, FinancialYear Year, bool Tested, string? NotTestedReason, IReadOnlyList<PublishedSignal> Signals);

/// <summary>
/// A council's service-area signals on one line: what a published snapshot keeps (kind <c>signals</c>, docs/statistics.md,
/// "Service-area signals"), and what the site and the API read back for a published year.
/// </summary>
/// <remarks>
/// The q-values tie every council of the year together, and the expected count and p-value move with every council's data through
/// the national counts. So a signal's <c>expected</c>, <c>expected_text</c>, <c>p_value</c> and <c>q_value</c> are not what makes a
/// revision (<see cref="NationalFields"/>): a council's record is revised only when its own signals change — one appears or goes,
/// or its counts or words change — or whether it was tested.
/// </remarks>
public static class SignalsRecord
{
    /// <summary>A signal's fields that other councils' data move, left out when records are compared for a revision.</summary>
    public static readonly IReadOnlyList<string> NationalFields = ["expected", "expected_text", "p_value", "q_value"];

    /// <summary>Every council of <paramref name="councils"/> (code and name: every council of the year) with its record, by code.</summary>
    public static IReadOnlyDictionary<string, string> Records(SignalYear year, IEnumerable<(string Code, string Name)> councils) =>
        councils.ToDictionary(c => c.Code, c => Record(year, c.Code, c.Name), StringComparer.Ordinal);

    /// <summary>The council's record of the year.</summary>
    public static string Record(SignalYear year, string code, string name)
    {
        var untested = year.UntestedOf(code);
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteString("name", name);
            w.WriteString("year", year.Year.ToString());
            w.WriteBoolean("tested", untested is null);
            w.WriteString("not_tested_reason", untested?.Reason);
            w.WriteStartArray("signals");
            foreach (var s in year.SignalsOf(code))
            {
                w.WriteStartObject();
                w.WriteString("category", s.Category);
                w.WriteNumber("observed", s.Observed);
                w.WriteNumber("previous_three_years", s.Previous);
                w.WriteNumber("expected", s.Expected.Nearest());
                w.WriteString("expected_text", s.ExpectedText);
                w.WriteNumber("p_value", s.PValue.Nearest());
                w.WriteNumber("q_value", s.QValue.Nearest());
                w.WriteString("words", s.Words);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a record back.</summary>
    public static CouncilSignals Parse(string recordJson)
    {
        var r = JsonNode.Parse(recordJson)!.AsObject();
        return new CouncilSignals(
            (string)r["code"]!, (string)r["name"]!, FinancialYear.Parse((string)r["year"]!), (bool)r["tested"]!, (string?)r["not_tested_reason"],
            [.. r["signals"]!.AsArray().Select(n => new PublishedSignal(
                (string)n!["category"]!, (long)n["observed"]!, (long)n["previous_three_years"]!, (double)n["expected"]!, (string)n["expected_text"]!,
                (double)n["p_value"]!, (double)n["q_value"]!, (string)n["words"]!))]);
    }

    /// <summary>Removes the national fields from each signal of a record (see <see cref="NationalFields"/>).</summary>
    internal static void RemoveNationalFields(JsonObject record)
    {
        if (record["signals"] is not JsonArray signals) return;
        foreach (var signal in signals.OfType<JsonObject>())
            foreach (var field in NationalFields) signal.Remove(field);
    }

    /// <summary>One published signal as the API's <c>signals</c> arrays write it: the same fields as <c>upheld signals --format json</c>.</summary>
    public static void Write(Utf8JsonWriter w, string code, PublishedSignal s)
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("category", s.Category);
        w.WriteNumber("observed", s.Observed);
        w.WriteNumber("expected", s.Expected);
        w.WriteNumber("p_value", s.PValue);
        w.WriteNumber("q_value", s.QValue);
        w.WriteString("words", s.Words);
        w.WriteEndObject();
    }
}
