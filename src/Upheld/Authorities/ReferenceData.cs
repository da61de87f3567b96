using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Upheld.Csv;
using Upheld.Storage;

namespace Upheld.Authorities;

/// <summary>The councils and ONS populations shipped inside the engine (see <c>Reference/SOURCES.md</c>).</summary>
public static class ReferenceData
{
    /// <summary>The first financial year the shipped councils and estimates describe.</summary>
    public static readonly FinancialYear FirstYear = new(2018);

    /// <summary>
    /// The last financial year the shipped councils describe: the year being recorded (2026-27); councils change on
    /// 1 April 2027 (Surrey), which the reference data does not hold yet. Every year after the latest ONS estimate up to
    /// this one is served by that latest estimate (docs/statistics.md, "Per 100,000 residents").
    /// </summary>
    public static readonly FinancialYear LastYear = new(2026);

    // Parsed once a process: every migration of a store compares the shipped populations with its own.
    private static readonly Lazy<IReadOnlyList<Authority>> ShippedCouncils = new(ReadCouncils);
    private static readonly Lazy<IReadOnlyList<(string Code, FinancialYear Year, long Population)>> ShippedEstimates = new(ReadPopulations);

    public static IReadOnlyList<Authority> Councils() => ShippedCouncils.Value;

    /// <summary>ONS estimates by code and financial year; the mid-year inside the financial year serves it.</summary>
    public static IReadOnlyList<(string Code, FinancialYear Year, long Population)> Populations() => ShippedEstimates.Value;

    private static IReadOnlyList<Authority> ReadCouncils() =>
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

    private static IReadOnlyList<(string Code, FinancialYear Year, long Population)> ReadPopulations() =>
        Records("populations.csv").Select(r => (r["gss_code"], FinancialYear.Parse(r["year_label"]), long.Parse(r["population"], CultureInfo.InvariantCulture))).ToList();

    internal static void SeedIfEmpty(DbConnection connection, DbTransaction transaction)
    {
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM authorities", transaction: transaction) > 0) return;
        var councils = Councils();
        ManyRows.Execute(connection,
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
        ManyRows.Execute(connection,
            "INSERT INTO populations (code, year, population, source) VALUES (@Code, @Year, @Population, @Source)",
            ShippedPopulations(councils).Select(p => new { p.Code, Year = p.Year.StartYear, p.Population, p.Source }),
            transaction);
    }

    /// <summary>
    /// Every shipped population row: ONS's own (<c>ons</c>), and for each year after the latest estimate up to
    /// <see cref="LastYear"/> that estimate standing in (<c>ons-latest</c>) for the councils alive in the year.
    /// </summary>
    private static IEnumerable<(string Code, FinancialYear Year, long Population, string Source)> ShippedPopulations(IReadOnlyList<Authority> councils)
    {
        var populations = Populations();
        var latest = populations.Max(p => p.Year);
        var latestEstimates = populations.Where(p => p.Year == latest).ToList();
        var byCode = councils.ToDictionary(c => c.Code);
        var standIns = Enumerable.Range(latest.StartYear + 1, Math.Max(0, LastYear.StartYear - latest.StartYear))
            .Select(y => new FinancialYear(y))
            .SelectMany(year => latestEstimates.Where(p => byCode[p.Code].ExistsIn(year)).Select(p => (p.Code, year, p.Population, "ons-latest")));
        return populations.Select(p => (p.Code, p.Year, p.Population, "ons")).Concat(standIns);
    }

    /// <summary>
    /// Brings an existing store's shipped populations up to this build's: a new ONS estimate replaces the stand-in that
    /// served its year, and years the build adds get their rows. Rows an import wrote (<c>import</c>) are never touched,
    /// nor councils the store does not hold. Returns the years whose populations changed, so that the caller can tell
    /// their publication (a public year records a revision, like any other data change).
    /// </summary>
    internal static IReadOnlyList<FinancialYear> RefreshPopulations(DbConnection connection, DbTransaction transaction)
    {
        var stored = connection.Query<(string Code, int Year, long Population, string Source)>(
            "SELECT code, year, population, source FROM populations", transaction: transaction)
            .ToDictionary(r => (r.Code, r.Year));
        var held = connection.Query<string>("SELECT code FROM authorities", transaction: transaction).ToHashSet(StringComparer.Ordinal);
        var changes = ShippedPopulations(Councils())
            .Where(p => held.Contains(p.Code))
            .Where(p => !stored.TryGetValue((p.Code, p.Year.StartYear), out var s)
                || (s.Source != "import" && (s.Population != p.Population || s.Source != p.Source)))
            .ToList();
        if (changes.Count == 0) return [];
        ManyRows.Execute(connection,
            """
            INSERT INTO populations (code, year, population, source) VALUES (@Code, @Year, @Population, @Source)
            ON CONFLICT (code, year) DO UPDATE SET population = excluded.population, source = excluded.source
            """,
            changes.Select(p => new { p.Code, Year = p.Year.StartYear, p.Population, p.Source }), transaction);
        return changes.Select(p => p.Year).Distinct().Order().ToList();
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
