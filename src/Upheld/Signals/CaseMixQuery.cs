using System.Data.Common;
using Dapper;
using Upheld.Cases;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Signals;

/// <summary>Reads every council's detailed investigations of a year by category, beside the key statistics' counts.</summary>
/// <remarks>
/// A council's groups always add up to the investigations and upheld decisions of its key statistics: an authority-year held
/// as published totals (counts.csv) has no categories, so all its investigations are in the "Not recorded" group.
/// </remarks>
public static class CaseMixQuery
{
    private sealed class Row
    {
        public string AuthorityCode { get; set; } = "";
        public string? Category { get; set; }
        public long Investigations { get; set; }
        public long Upheld { get; set; }
    }

    public static IReadOnlyList<CaseMixCounts> ForYear(Database database, FinancialYear year)
    {
        using var connection = database.Connect();
        return ForYear(connection, year);
    }

    /// <param name="councils">The year's key-statistics counts when the caller has them already (the site); read otherwise.</param>
    public static IReadOnlyList<CaseMixCounts> ForYear(DbConnection connection, FinancialYear year,
        IEnumerable<AuthorityYearCounts>? councils = null, DbTransaction? transaction = null)
    {
        // Decisions of an authority-year held as totals are not counted in its statistics (an import never mixes the two).
        var rows = connection.Query<Row>(
            """
            SELECT authority_code, category, COUNT(*) AS investigations, SUM(CASE WHEN outcome = @upheld THEN 1 ELSE 0 END) AS upheld
            FROM decisions
            WHERE year = @year AND outcome IN (@upheld, @notUpheld) AND authority_code NOT IN (SELECT code FROM counts WHERE year = @year)
            GROUP BY authority_code, category
            """, new { year = year.StartYear, upheld = Outcomes.Upheld, notUpheld = Outcomes.NotUpheld }, transaction)
            .ToLookup(r => r.AuthorityCode, StringComparer.Ordinal);
        return (councils ?? CountsQuery.ForYear(connection, year, transaction)).Select(council =>
        {
            var groups = rows[council.Code].ToDictionary(r => r.Category ?? CaseMixGroups.NotRecorded, r => new GroupCount(r.Investigations, r.Upheld));
            long categorised = groups.Values.Sum(g => g.Investigations), categorisedUpheld = groups.Values.Sum(g => g.Upheld);
            if (council.Investigations > categorised)
            {
                var rest = groups.GetValueOrDefault(CaseMixGroups.NotRecorded);
                groups[CaseMixGroups.NotRecorded] = new GroupCount(rest.Investigations + council.Investigations - categorised,
                    rest.Upheld + council.Upheld - categorisedUpheld);
            }
            return new CaseMixCounts(council, groups);
        }).ToList();
    }
}
