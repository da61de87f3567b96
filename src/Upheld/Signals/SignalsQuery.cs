using System.Data.Common;
using Dapper;
using Upheld.Cases;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Signals;

/// <summary>Reads the upheld decisions by council and category of a year and its three previous years, for the service-area signals.</summary>
/// <remarks>
/// A council has a year of category data when it existed that year and its decisions are held one by one; a year held as published
/// totals (counts.csv) has no categories, so it is not one of the council's earlier years, nor is a year before the data begins. Councils that existed in a previous year
/// but not in this one still count in the national figures of the previous years.
/// </remarks>
public static class SignalsQuery
{
    private sealed class Row
    {
        public string AuthorityCode { get; set; } = "";
        public int Year { get; set; }
        public string Category { get; set; } = "";
        public long Upheld { get; set; }
    }

    public static SignalYear Compute(Database database, FinancialYear year)
    {
        using var connection = database.Connect();
        return Compute(connection, year);
    }

    public static SignalYear Compute(DbConnection connection, FinancialYear year, DbTransaction? transaction = null)
    {
        var (councils, earlierOnly) = ForYear(connection, year, transaction);
        return ServiceAreaSignals.Compute(year, councils, earlierOnly);
    }

    public static (IReadOnlyList<CouncilHistory> CouncilsOfYear, IReadOnlyList<CouncilHistory> EarlierOnly) ForYear(
        DbConnection connection, FinancialYear year, DbTransaction? transaction = null)
    {
        int first = year.StartYear - ServiceAreaSignals.PreviousYears, last = year.StartYear;
        var totals = connection.Query<Row>("SELECT code AS authority_code, year FROM counts WHERE year BETWEEN @first AND @last",
            new { first, last }, transaction).Select(r => (r.AuthorityCode, r.Year)).ToHashSet();
        var rows = connection.Query<Row>(
            """
            SELECT authority_code, year, category, COUNT(*) AS upheld
            FROM decisions
            WHERE year BETWEEN @first AND @last AND outcome = @upheld AND category IS NOT NULL
            GROUP BY authority_code, year, category
            """, new { first, last, upheld = Outcomes.Upheld }, transaction)
            .ToLookup(r => (r.AuthorityCode, r.Year));

        // A year before the data begins (no decisions of any council) is no year of data, though the councils existed then.
        var yearsOfData = connection.Query<long>("SELECT DISTINCT year FROM decisions WHERE year BETWEEN @first AND @last",
            new { first, last }, transaction).Select(y => (int)y).ToHashSet();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var years = new Dictionary<string, Dictionary<int, IReadOnlyDictionary<string, long>>>(StringComparer.Ordinal);
        for (var y = first; y <= last; y++)
        {
            foreach (var council in CountsQuery.ForYear(connection, new FinancialYear(y), transaction))
            {
                names[council.Code] = council.Name;
                if (totals.Contains((council.Code, y)) || !yearsOfData.Contains(y)) continue;
                if (!years.TryGetValue(council.Code, out var ofCouncil)) years[council.Code] = ofCouncil = [];
                ofCouncil[y] = rows[(council.Code, y)].ToDictionary(r => r.Category, r => r.Upheld, StringComparer.Ordinal);
            }
        }
        var thisYear = CountsQuery.ForYear(connection, year, transaction).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        CouncilHistory History(string code) => new(code, names[code],
            years.TryGetValue(code, out var ofCouncil) ? ofCouncil : new Dictionary<int, IReadOnlyDictionary<string, long>>());
        return ([.. names.Keys.Where(thisYear.Contains).Select(History)], [.. names.Keys.Where(c => !thisYear.Contains(c)).Select(History)]);
    }
}
