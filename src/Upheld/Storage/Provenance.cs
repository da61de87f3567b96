using System.Data.Common;
using Dapper;

namespace Upheld.Storage;

/// <summary>Where an authority-year's figures come from.</summary>
public enum DataSource
{
    /// <summary>Figures the ombudsman published, reproduced exactly.</summary>
    Published,

    /// <summary>Figures generated for the demonstration dataset: plausible, not true.</summary>
    Synthetic,
}

/// <summary>Marks and reads which authority-years are published or synthetic, and whether the database holds demonstration data.</summary>
/// <remarks>The site and the letters read this to label anything derived from synthetic figures.</remarks>
public static class Provenance
{
    private const string DemonstrationSetting = "demonstration";

    public static void MarkDemonstration(DbConnection connection, DbTransaction? transaction = null) =>
        connection.Execute(
            "INSERT INTO dataset_settings (name, value) VALUES (@name, 'true') ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            new { name = DemonstrationSetting }, transaction);

    /// <summary>True when the database was loaded with <c>upheld demo</c>: the site must then show a demonstration notice.</summary>
    public static bool IsDemonstration(DbConnection connection) =>
        connection.ExecuteScalar<string?>("SELECT value FROM dataset_settings WHERE name = @name", new { name = DemonstrationSetting }) == "true";

    public static bool IsDemonstration(Database database)
    {
        using var connection = database.Connect();
        return IsDemonstration(connection);
    }

    /// <summary>Records the source of each authority-year, replacing what was recorded before.</summary>
    public static void Record(DbConnection connection, IEnumerable<(string Code, FinancialYear Year, DataSource Source, string? Note)> rows, DbTransaction? transaction = null) =>
        ManyRows.Execute(connection,
            """
            INSERT INTO data_sources (authority_code, year, source, note) VALUES (@Code, @Year, @Source, @Note)
            ON CONFLICT (authority_code, year) DO UPDATE SET source = excluded.source, note = excluded.note
            """,
            rows.Select(r => new { r.Code, Year = r.Year.StartYear, Source = WireName(r.Source), r.Note }), transaction);

    /// <summary>The source of every marked authority of <paramref name="year"/>; authorities without a mark are absent.</summary>
    public static IReadOnlyDictionary<string, DataSource> ForYear(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<(string Code, string Source)>(
                "SELECT authority_code, source FROM data_sources WHERE year = @year ORDER BY authority_code", new { year = year.StartYear }, transaction)
            .ToDictionary(r => r.Code, r => Parse(r.Source), StringComparer.Ordinal);

    public static DataSource? Of(DbConnection connection, string code, FinancialYear year) =>
        connection.ExecuteScalar<string?>(
            "SELECT source FROM data_sources WHERE authority_code = @code AND year = @year", new { code, year = year.StartYear }) is { } source
            ? Parse(source) : null;

    public static string WireName(DataSource source) => source == DataSource.Published ? "published" : "synthetic";

    private static DataSource Parse(string text) => text == "published" ? DataSource.Published : DataSource.Synthetic;
}
