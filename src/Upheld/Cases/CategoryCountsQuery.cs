using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>Complaints of one year across all councils by category: received, investigated and upheld.</summary>
public sealed record CategoryCounts(string Category, int Received, int Investigated, int Upheld);

/// <summary>Reads the national picture of a year by category.</summary>
public static class CategoryCountsQuery
{
    private sealed class Row
    {
        public string? Category { get; set; }
        public long Received { get; set; }
        public long Investigated { get; set; }
        public long Upheld { get; set; }
    }

    public static IReadOnlyList<CategoryCounts> ForYear(Database database, FinancialYear year)
    {
        using var connection = database.Connect();
        var rows = connection.Query<Row>(
            """
            SELECT category, SUM(received) AS received, SUM(investigated) AS investigated, SUM(upheld) AS upheld FROM (
                SELECT category, 1 AS received, 0 AS investigated, 0 AS upheld FROM received WHERE year = @year
                UNION ALL
                SELECT category, 0, CASE WHEN outcome IN (@upheld, @notUpheld) THEN 1 ELSE 0 END, CASE WHEN outcome = @upheld THEN 1 ELSE 0 END
                FROM decisions WHERE year = @year
            ) AS cases GROUP BY category
            """,
            new { year = year.StartYear, upheld = Outcomes.Upheld, notUpheld = Outcomes.NotUpheld });
        return rows.Select(r => new CategoryCounts(r.Category ?? "Not recorded", (int)r.Received, (int)r.Investigated, (int)r.Upheld))
            .OrderBy(c => c.Category == "Not recorded").ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
    }
}
