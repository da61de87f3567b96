using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>Reads one published decision with the remedies agreed, for its public page.</summary>
public static class DecisionQuery
{
    private sealed class RemedyRow
    {
        public string CaseRef { get; set; } = "";
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
        return Record(d, remedies);
    }

    /// <summary>
    /// Every upheld decision of <paramref name="years"/> with its remedies, by case reference, each as <see cref="Find"/> reads it:
    /// the decisions a static export gives a page (council pages link them), read in two queries a year rather than two a page.
    /// </summary>
    public static Dictionary<string, DecisionRecord> Upheld(Database database, IEnumerable<FinancialYear> years)
    {
        using var connection = database.Connect();
        var found = new Dictionary<string, DecisionRecord>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var p = new { year = year.StartYear, upheld = Outcomes.Upheld };
            // In the order Find reads them: by case, then seq.
            var remedies = connection.Query<RemedyRow>(
                """
                SELECT r.case_ref, r.kind, r.text, r.amount_pence FROM recommendations r JOIN decisions d ON d.case_ref = r.case_ref
                WHERE d.year = @year AND d.outcome = @upheld AND r.text <> '' ORDER BY r.case_ref, r.seq
                """, p)
                .GroupBy(r => r.CaseRef, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(r => new AgreedRemedy(r.Kind, r.Text, r.AmountPence)).ToList(), StringComparer.Ordinal);
            foreach (var d in connection.Query<DecisionRow>(
                         """
                         SELECT case_ref, authority_code, year, category, subcategory, decision_date, outcome, remedied_by_authority, summary
                         FROM decisions WHERE year = @year AND outcome = @upheld
                         """, p))
                found[d.CaseRef] = Record(d, remedies.TryGetValue(d.CaseRef, out var agreed) ? agreed : []);
        }
        return found;
    }

    private static DecisionRecord Record(DecisionRow d, List<AgreedRemedy> remedies) =>
        new(d.CaseRef, d.AuthorityCode, d.Year, d.Category, d.Subcategory, DecisionRow.Date(d.DecisionDate), d.Outcome, d.RemediedByAuthority == 1,
            d.Summary, remedies);
}
