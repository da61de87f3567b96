using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Storage;

namespace Upheld.Cases;

/// <summary>Reads one council's year of cases for its public page.</summary>
public static class CouncilYearQuery
{
    private sealed class Counted
    {
        public string AuthorityCode { get; set; } = "";
        public string? Key { get; set; }
        public long Count { get; set; }
    }

    private sealed class ReportRow
    {
        public string AuthorityCode { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string IssuedDate { get; set; } = "";
        public string? Title { get; set; }
        public string? Summary { get; set; }
    }

    private sealed class ImprovementRow
    {
        public string AuthorityCode { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Text { get; set; } = "";
        public string DecisionDate { get; set; } = "";
    }

    public static CouncilYear For(Database database, string code, FinancialYear year)
    {
        using var connection = database.Connect();
        return For(connection, code, year);
    }

    public static CouncilYear For(DbConnection connection, string code, FinancialYear year)
    {
        var p = new { code, year = year.StartYear, upheld = Outcomes.Upheld, kind = "service_improvement" };
        var received = connection.Query<Counted>(
            "SELECT category AS key, COUNT(*) AS count FROM received WHERE year = @year AND authority_code = @code GROUP BY category", p)
            .ToDictionary(r => r.Key ?? "Not recorded", r => (int)r.Count);
        var outcomes = connection.Query<Counted>(
            "SELECT outcome AS key, COUNT(*) AS count FROM decisions WHERE year = @year AND authority_code = @code GROUP BY outcome", p)
            .ToDictionary(r => r.Key!, r => (int)r.Count);
        var upheld = connection.Query<DecisionRow>(
            """
            SELECT case_ref, category, subcategory, decision_date, outcome, remedied_by_authority, summary FROM decisions
            WHERE year = @year AND authority_code = @code AND outcome = @upheld ORDER BY decision_date, case_ref
            """, p)
            .Select(d => d.ToSummary())
            .ToList();
        var reports = connection.Query<ReportRow>(
            "SELECT case_ref, issued_date, title, summary FROM public_reports WHERE year = @year AND authority_code = @code ORDER BY issued_date, case_ref", p)
            .Select(r => new PublicReportSummary(r.CaseRef, Date(r.IssuedDate), r.Title, r.Summary)).ToList();
        var improvements = connection.Query<ImprovementRow>(
            """
            SELECT r.case_ref, r.text, d.decision_date FROM recommendations r JOIN decisions d ON d.case_ref = r.case_ref
            WHERE d.year = @year AND d.authority_code = @code AND r.kind = @kind AND r.text <> '' ORDER BY d.decision_date, r.case_ref, r.seq
            """, p)
            .Select(r => new ServiceImprovement(r.CaseRef, r.Text, Date(r.DecisionDate))).ToList();
        return new CouncilYear(received, outcomes, upheld, reports, improvements);
    }

    /// <summary>
    /// Every council's year of cases at once, by code, each as <see cref="For(DbConnection, string, FinancialYear)"/> reads it (a
    /// council missing here has none): the static export shows every council's year, in five queries a year rather than five a page.
    /// </summary>
    public static IReadOnlyDictionary<string, CouncilYear> ForYear(Database database, FinancialYear year)
    {
        using var connection = database.Connect();
        var p = new { year = year.StartYear, upheld = Outcomes.Upheld, kind = "service_improvement" };
        // Each in its per-council query's order within a council.
        var received = connection.Query<Counted>(
                "SELECT authority_code, category AS key, COUNT(*) AS count FROM received WHERE year = @year GROUP BY authority_code, category", p)
            .ToLookup(r => r.AuthorityCode, StringComparer.Ordinal);
        var outcomes = connection.Query<Counted>(
                "SELECT authority_code, outcome AS key, COUNT(*) AS count FROM decisions WHERE year = @year GROUP BY authority_code, outcome", p)
            .ToLookup(r => r.AuthorityCode, StringComparer.Ordinal);
        var upheld = connection.Query<DecisionRow>(
                """
                SELECT authority_code, case_ref, category, subcategory, decision_date, outcome, remedied_by_authority, summary FROM decisions
                WHERE year = @year AND outcome = @upheld ORDER BY authority_code, decision_date, case_ref
                """, p)
            .ToLookup(d => d.AuthorityCode, StringComparer.Ordinal);
        var reports = connection.Query<ReportRow>(
                "SELECT authority_code, case_ref, issued_date, title, summary FROM public_reports WHERE year = @year ORDER BY authority_code, issued_date, case_ref", p)
            .ToLookup(r => r.AuthorityCode, StringComparer.Ordinal);
        var improvements = connection.Query<ImprovementRow>(
                """
                SELECT d.authority_code, r.case_ref, r.text, d.decision_date FROM recommendations r JOIN decisions d ON d.case_ref = r.case_ref
                WHERE d.year = @year AND r.kind = @kind AND r.text <> '' ORDER BY d.authority_code, d.decision_date, r.case_ref, r.seq
                """, p)
            .ToLookup(r => r.AuthorityCode, StringComparer.Ordinal);
        var codes = received.Select(g => g.Key).Concat(outcomes.Select(g => g.Key)).Concat(upheld.Select(g => g.Key))
            .Concat(reports.Select(g => g.Key)).Concat(improvements.Select(g => g.Key)).ToHashSet(StringComparer.Ordinal);
        return codes.ToDictionary(code => code, code => new CouncilYear(
            received[code].ToDictionary(r => r.Key ?? "Not recorded", r => (int)r.Count),
            outcomes[code].ToDictionary(r => r.Key!, r => (int)r.Count),
            upheld[code].Select(d => d.ToSummary()).ToList(),
            reports[code].Select(r => new PublicReportSummary(r.CaseRef, Date(r.IssuedDate), r.Title, r.Summary)).ToList(),
            improvements[code].Select(r => new ServiceImprovement(r.CaseRef, r.Text, Date(r.DecisionDate))).ToList()), StringComparer.Ordinal);
    }

    /// <summary>A council's year with no cases at all, as <see cref="For(DbConnection, string, FinancialYear)"/> reads one.</summary>
    public static CouncilYear None => new(new Dictionary<string, int>(), new Dictionary<string, int>(), [], [], []);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
