using System.Globalization;
using System.Text;
using Upheld.Authorities;

namespace Upheld.Statistics;

/// <summary>Writes the engine's results as <c>stats --format csv</c>: the JSON fields, nested ones flattened with "_".</summary>
/// <remarks>RFC 4180 through the shared <see cref="Csv.CsvWriter"/>, so text is defused as in every download; null is an empty field.</remarks>
public static class StatisticsCsv
{
    /// <summary>The header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = BuildColumns();

    /// <summary>Writes UTF-8 CSV (no byte order mark) to <paramref name="stream"/>, leaving it open.</summary>
    public static void Write(Stream stream, IEnumerable<AuthorityStatistics> results)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        Write(writer, results);
    }

    /// <summary>Writes the header and one row per result to <paramref name="writer"/>, leaving it open.</summary>
    public static void Write(TextWriter writer, IEnumerable<AuthorityStatistics> results)
    {
        Csv.CsvWriter.WriteRow(writer, Columns);
        foreach (var result in results) Csv.CsvWriter.WriteRow(writer, Row(result));
        writer.Flush();
    }

    private static List<string> BuildColumns()
    {
        var columns = new List<string> { "code", "name", "type", "year" };
        columns.AddRange(StatisticsFields.Counts.Select(c => c.Name));
        foreach (var f in StatisticsFields.Statistics) columns.AddRange([f.RateName, f.TextName]);
        columns.Add("average_method");
        foreach (var f in StatisticsFields.Statistics) columns.AddRange(["average_" + f.RateName, "average_" + f.TextName]);
        foreach (var f in StatisticsFields.Statistics) columns.AddRange([$"interval_{f.Key}_low", $"interval_{f.Key}_high"]);
        foreach (var f in StatisticsFields.Statistics) columns.Add("comparison_" + f.Key);
        return columns;
    }

    private static List<string?> Row(AuthorityStatistics s)
    {
        var row = new List<string?> { s.Code, s.Name, s.Type.DisplayName(), s.Year.ToString() };
        row.AddRange(StatisticsFields.Counts.Select(c => c.Value(s.Counts)?.ToString(CultureInfo.InvariantCulture)));
        foreach (var f in StatisticsFields.Statistics) row.AddRange([Number(f.Select(s).Value.Rate), f.Select(s).Value.Text]);
        row.Add(s.AverageMethod.ToWireName());
        foreach (var f in StatisticsFields.Statistics) row.AddRange([Number(f.Select(s).Average.Rate), f.Select(s).Average.Text]);
        foreach (var f in StatisticsFields.Statistics)
            row.AddRange([Number(f.Select(s).Interval?.Low), Number(f.Select(s).Interval?.High)]);
        foreach (var f in StatisticsFields.Statistics) row.Add(f.Select(s).Comparison?.ToWireName());
        return row;
    }

    // "R" is the shortest text that parses back to the same double, as in the JSON.
    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
