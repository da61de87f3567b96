using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>Reads one published decision with the remedies agreed, for its public page.</summary>
public static class DecisionQuery
{
    private sealed class DecisionRow
    {
        public string Case_Ref { get; set; } = "";
        public string Authority_Code { get; set; } = "";
        public long Year { get; set; }
        public string? Category { get; set; }
        public string? Subcategory { get; set; }
        public string Decision_Date { get; set; } = "";
        public string Outcome { get; set; } = "";
        public long Remedied_By_Authority { get; set; }
        public string? Summary { get; set; }
    }

    private sealed class RemedyRow
    {
        public string Kind { get; set; } = "";
        public string Text { get; set; } = "";
        public long? Amount_Pence { get; set; }
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
        if (d is null || !published.Contains(new FinancialYear((int)d.Year))) return null;
        // seq is the order the remedies were imported in, which is the order the decision lists them.
        var remedies = connection.Query<RemedyRow>(
            "SELECT kind, text, amount_pence FROM recommendations WHERE case_ref = @caseRef AND text <> '' ORDER BY seq", new { caseRef })
            .Select(r => new AgreedRemedy(r.Kind, r.Text, r.Amount_Pence)).ToList();
        return new DecisionRecord(d.Case_Ref, d.Authority_Code, new FinancialYear((int)d.Year), d.Category, d.Subcategory,
            DecisionSearch.Date(d.Decision_Date), d.Outcome, d.Remedied_By_Authority == 1, d.Summary, remedies);
    }
}
