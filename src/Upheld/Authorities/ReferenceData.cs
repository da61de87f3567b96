using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Upheld.Csv;

namespace Upheld.Authorities;

/// <summary>The councils and ONS populations shipped inside the engine (see <c>Reference/SOURCES.md</c>).</summary>
public static class ReferenceData
{
    /// <summary>The first financial year the shipped councils and estimates describe.</summary>
    public static readonly FinancialYear FirstYear = new(2018);

    /// <summary>The financial year served by the latest estimate when ONS has not yet published its own.</summary>
    public static readonly FinancialYear LatestEstimateServes = new(2024);

    public static IReadOnlyList<Authority> Councils() =>
        Records("councils.csv").Select(r => new Authority(
            Code: r["gss_code"],
            Name: r["name"],
            OfficialName: r["official_name"],
            Type: AuthorityTypes.FromCode(r["gss_code"]) ?? throw new InvalidDataException($"{r["gss_code"]} is not an English council code"),
            Region: NullIfEmpty(r["region"]),
            ParentCode: NullIfEmpty(r["parent_gss_code"]),
            ValidFrom: ParseDate(r["valid_from"]),
            ValidTo: ParseDate(r["valid_to"]),
            SuccessorCodes: r["successor_gss_codes"].Split(';', StringSplitOptions.RemoveEmptyEntries))).ToList();

    /// <summary>ONS estimates by code and financial year; the mid-year inside the financial year serves it.</summary>
    public static IReadOnlyList<(string Code, FinancialYear Year, long Population)> Populations() =>
        Records("populations.csv").Select(r => (r["gss_code"], FinancialYear.Parse(r["year_label"]), long.Parse(r["population"], CultureInfo.InvariantCulture))).ToList();

    internal static void SeedIfEmpty(DbConnection connection, DbTransaction transaction)
    {
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM authorities", transaction: transaction) > 0) return;
        var councils = Councils();
        connection.Execute(
            """
            INSERT INTO authorities (code, name, official_name, type, region, parent_code, valid_from, valid_to, successor_codes)
            VALUES (@Code, @Name, @OfficialName, @Type, @Region, @ParentCode, @ValidFrom, @ValidTo, @Successors)
            """,
            councils.Select(c => new
            {
                c.Code, c.Name, c.OfficialName, Type = c.Type.DisplayName(), c.Region, c.ParentCode,
                ValidFrom = c.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ValidTo = c.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Successors = string.Join(';', c.SuccessorCodes),
            }),
            transaction);
        var populations = Populations();
        var latest = populations.Max(p => p.Year);
        var standIns = populations
            .Where(p => p.Year == latest)
            .Where(p => councils.First(c => c.Code == p.Code).ExistsIn(LatestEstimateServes))
            .Select(p => (p.Code, Year: LatestEstimateServes, p.Population, Source: "ons-latest"));
        connection.Execute(
            "INSERT INTO populations (code, year, population, source) VALUES (@Code, @Year, @Population, @Source)",
            populations.Select(p => (p.Code, p.Year, p.Population, Source: "ons"))
                .Concat(latest < LatestEstimateServes ? standIns : [])
                .Select(p => new { p.Code, Year = p.Year.StartYear, p.Population, p.Source }),
            transaction);
    }

    private static IEnumerable<Dictionary<string, string>> Records(string file)
    {
        var name = "Upheld.Authorities.Reference." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"reference file {file} is not embedded");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var records = CsvReader.Read(CsvReader.Decode(memory.ToArray())).ToList();
        var header = records[0].Fields;
        return records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static DateOnly? ParseDate(string value) =>
        value.Length == 0 ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
