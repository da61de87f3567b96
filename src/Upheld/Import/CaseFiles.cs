using Upheld.Authorities;
using Upheld.Cases;
using Upheld.Csv;
using static Upheld.Import.ImportRun;

namespace Upheld.Import;

/// <summary>The case-level files: complaints received, decisions, recommendations, compliance outcomes and public reports.</summary>
internal static class CaseFiles
{
    public static readonly KeyedFile Received = new("received.csv",
        ["case_ref", "authority_code", "received_date"], "received",
        ["case_ref", "authority_code", "received_date", "year", "category", "subcategory"], 1,
        (run, row) =>
        {
            var caseRef = run.CaseRef(row);
            var authority = run.Authority(row, "authority_code");
            var received = run.Date(row, "received_date", required: true);
            var category = run.Choice(row, "category", Outcomes.Categories, "category", required: false);
            var subcategory = run.Value(row, "subcategory");
            var year = YearOf(received);
            if (run.ExistsIn(authority, year, row, "received_date")) run.NotCounted(authority, year, row, "authority_code");
            return run.RowIsBad ? null : [caseRef, authority!.Code, Iso(received), year!.Value.StartYear, category, subcategory];
        });

    public static readonly KeyedFile Decisions = new("decisions.csv",
        ["case_ref", "authority_code", "decision_date", "outcome"], "decisions",
        ["case_ref", "authority_code", "received_date", "received_year", "decision_date", "year", "category", "subcategory", "outcome", "remedied_by_authority", "summary"], 1,
        (run, row) =>
        {
            var caseRef = run.CaseRef(row);
            var authority = run.Authority(row, "authority_code");
            var received = run.Date(row, "received_date");
            var decided = run.Date(row, "decision_date", required: true);
            var category = run.Choice(row, "category", Outcomes.Categories, "category", required: false);
            var subcategory = run.Value(row, "subcategory");
            var outcome = run.Choice(row, "outcome", Outcomes.Decision, "outcome");
            var remedied = Flag(run, row, "remedied_by_authority");
            var summary = run.Text(row, "summary");
            if (remedied == true && outcome is not null && outcome != Outcomes.Upheld)
                run.Report(row.Line, "remedied_by_authority", $"only an upheld decision can be remedied by the authority, and this one is '{outcome}'");
            if (received > decided)
                run.Report(row.Line, "received_date", $"the complaint was received ({Iso(received)}) after it was decided ({Iso(decided)})");
            var year = YearOf(decided);
            if (run.ExistsIn(authority, year, row, "decision_date")) run.NotCounted(authority, year, row, "authority_code");
            return run.RowIsBad ? null :
            [
                caseRef, authority!.Code, Iso(received), YearOf(received)?.StartYear, Iso(decided), year!.Value.StartYear,
                category, subcategory, outcome, remedied == true ? 1 : 0, summary,
            ];
        },
        searchWords: true);

    public static readonly KeyedFile Recommendations = new("recommendations.csv",
        ["case_ref", "authority_code", "kind"], "recommendations",
        ["case_ref", "kind", "text_hash", "authority_code", "remedy_category", "text", "amount_pence", "due_date", "seq"], 3,
        (run, row) =>
        {
            var caseRef = run.CaseRef(row);
            var authority = run.Authority(row, "authority_code");
            var kind = run.Choice(row, "kind", Outcomes.RecommendationKinds, "kind");
            var category = run.Value(row, "remedy_category");
            var text = run.Text(row, "text") ?? "";
            var amount = row["amount_gbp"];
            long? pence = null;
            if (amount is not null)
            {
                if (Money.TryParsePounds(amount, out var parsed)) pence = parsed;
                else if (Money.IsPastLargest(amount)) run.Report(row.Line, "amount_gbp", $"'{amount}' is more than the largest amount, {Money.LargestPounds} pounds");
                else run.Report(row.Line, "amount_gbp", $"'{amount}' is not an amount in pounds such as 4200 or 150.50");
            }
            var due = run.Date(row, "due_date");
            run.SameAuthorityAsCase(row, caseRef, authority);
            return run.RowIsBad ? null : [caseRef, kind, RecommendationKey.Hash(text), authority!.Code, category, text, pence, Iso(due), run.NextSequence()];
        },
        insertOnly: 1,
        before: run => run.ReadSequence());

    public static readonly KeyedFile Compliance = new("compliance.csv",
        ["case_ref", "authority_code", "recorded_date", "outcome"], "compliance",
        ["case_ref", "authority_code", "recorded_date", "year", "outcome"], 1,
        (run, row) =>
        {
            var caseRef = run.CaseRef(row);
            var given = run.Authority(row, "authority_code");
            var recorded = run.Date(row, "recorded_date", required: true);
            var outcome = run.Choice(row, "outcome", Outcomes.Compliance, "outcome");
            var year = YearOf(recorded);
            var owner = given is null || year is null ? null : run.Successor(given, year.Value, row, "authority_code");
            if (owner is not null && run.ExistsIn(owner, year, row, "recorded_date")) run.NotCounted(owner, year, row, "authority_code");
            run.SameAuthorityAsCase(row, caseRef, given, owner);
            return run.RowIsBad ? null : [caseRef, owner!.Code, Iso(recorded), year!.Value.StartYear, outcome];
        });

    public static readonly KeyedFile PublicReports = new("public_reports.csv",
        ["case_ref", "authority_code", "issued_date"], "public_reports",
        ["case_ref", "authority_code", "issued_date", "year", "title", "summary"], 1,
        (run, row) =>
        {
            var caseRef = run.CaseRef(row);
            var authority = run.Authority(row, "authority_code");
            var issued = run.Date(row, "issued_date", required: true);
            var title = run.Text(row, "title");
            var summary = run.Text(row, "summary");
            var year = YearOf(issued);
            run.ExistsIn(authority, year, row, "issued_date");
            run.SameAuthorityAsCase(row, caseRef, authority);
            return run.RowIsBad ? null : [caseRef, authority!.Code, Iso(issued), year!.Value.StartYear, title, summary];
        });

    private static FinancialYear? YearOf(DateOnly? date) => date is { } d ? FinancialYear.Containing(d) : null;

    private static bool? Flag(ImportRun run, CsvRow row, string column)
    {
        var text = run.Value(row, column);
        if (text is null or "false") return false;
        if (text == "true") return true;
        run.Report(row.Line, column, $"'{text}' is not true or false");
        return null;
    }
}
