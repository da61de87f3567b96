using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>One page of a council's decisions of one year, every outcome, in a stable order.</summary>
public sealed record DecisionPage(int Page, int PageSize, int Total, IReadOnlyList<DecisionSummary> Decisions);

/// <summary>Reads a council's decisions a page at a time, ordered by decision date then case reference so pages never overlap.</summary>
public static class DecisionPageQuery
{
    public const int PageSize = 100;

    public static DecisionPage For(Database database, string code, FinancialYear year, int page)
    {
        using var connection = database.Connect();
        var parameters = new { code, year = year.StartYear, size = PageSize, skip = (page - 1) * PageSize };
        var total = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE authority_code = @code AND year = @year", parameters);
        var rows = connection.Query<DecisionRow>(
            """
            SELECT case_ref, category, subcategory, decision_date, outcome, remedied_by_authority, summary FROM decisions
            WHERE authority_code = @code AND year = @year ORDER BY decision_date, case_ref LIMIT @size OFFSET @skip
            """, parameters);
        return new DecisionPage(page, PageSize, (int)total, rows.Select(r => r.ToSummary()).ToList());
    }
}
