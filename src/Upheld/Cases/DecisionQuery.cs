using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>Reads one published decision with the remedies agreed, for its public page.</summary>
public static class DecisionQuery
{
    private sealed class RemedyRow
    {
        public string Kind { get; set; } = "";
        public string Text { get; set; } = "";
        public long? AmountPence { get; set; }
    }

    /// <summary>The decision, or null when there is none or its year is not among <paramref name="published"/>.</summary>
    public static DecisionRecord? Find(Database database, string caseRef, IReadOnlyCollection<FinancialYear> published)
    {
        using var connection = database.Connect();
        var d = connection.QuerySingleOrDefault<DecisionRow>(
            """
            SELECT case_ref, authority_code, year, category, subcategory, decision_date, outcome, remedied_by_authority, summary
            FROM decisions WHERE case_ref = @caseRef
            """, new { caseRef });
        if (d is null || !published.Contains(d.Year)) return null;
        // seq is the order the remedies were imported in, which is the order the decision lists them.
        var remedies = connection.Query<RemedyRow>(
            "SELECT kind, text, amount_pence FROM recommendations WHERE case_ref = @caseRef AND text <> '' ORDER BY seq", new { caseRef })
            .Select(r => new AgreedRemedy(r.Kind, r.Text, r.AmountPence)).ToList();
        return new DecisionRecord(d.CaseRef, d.AuthorityCode, d.Year, d.Category, d.Subcategory,
            DecisionRow.Date(d.DecisionDate), d.Outcome, d.RemediedByAuthority == 1, d.Summary, remedies);
    }
}
