using Dapper;
using Upheld.Csv;

namespace Upheld.Import;

/// <summary>The files keyed by authority and year: letter addressees, commentary and published totals.</summary>
internal static class YearFiles
{
    public static readonly KeyedFile Contacts = new("contacts.csv",
        ["code", "year", "role"], "contacts",
        ["code", "year", "honorific", "surname", "role", "email"], 2,
        (run, row) =>
        {
            var authority = run.Authority(row, "code");
            var year = run.Year(row, "year");
            var honorific = run.Value(row, "honorific");
            var surname = run.Value(row, "surname");
            var role = run.Value(row, "role", required: true);
            var email = run.Value(row, "email");
            if (email is not null && !LooksLikeAddress(email))
                run.Report(row.Line, "email", $"'{email}' is not an e-mail address such as chief.executive@council.gov.uk");
            run.ExistsIn(authority, year, row, "year");
            return run.RowIsBad ? null : [authority!.Code, year!.Value.StartYear, honorific, surname, role, email];
        });

    // One @ with something either side and no spaces: the mail server has the last word on the rest.
    private static bool LooksLikeAddress(string text) =>
        text.IndexOf('@') is var at && at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace);

    public static readonly KeyedFile Commentary = new("commentary.csv",
        ["authority_code", "year", "position", "text"], "commentary",
        ["authority_code", "year", "position", "text"], 3,
        (run, row) =>
        {
            var authority = run.Authority(row, "authority_code");
            var year = run.Year(row, "year");
            var position = run.Number(row, "position", required: true, minimum: 1);
            var text = run.Text(row, "text", required: true);
            foreach (var url in text is null ? [] : Letters.LetterLinks.LeavingSite(text))
                run.Report(row.Line, "text", $"links to '{url}', {Letters.LetterLinks.Rule}");
            run.ExistsIn(authority, year, row, "year");
            return run.RowIsBad ? null : [authority!.Code, year!.Value.StartYear, position, text];
        });

    private static readonly string[] CountColumns =
        ["investigations", "upheld", "satisfactory_remedies", "compliance_outcomes", "complied", "complied_late", "decided", "received"];

    public static readonly KeyedFile Counts = new("counts.csv",
        ["code", "year"], "counts",
        ["code", "year", .. CountColumns], 2,
        (run, row) =>
        {
            var authority = run.Authority(row, "code");
            var year = run.Year(row, "year");
            var n = CountColumns.ToDictionary(c => c, c => run.Number(row, c));
            AtMost(run, row, n, "upheld", "investigations");
            AtMost(run, row, n, "satisfactory_remedies", "upheld");
            AtMost(run, row, n, "complied", "compliance_outcomes");
            AtMost(run, row, n, "complied_late", "complied");
            AtMost(run, row, n, "investigations", "decided");
            if (run.ExistsIn(authority, year, row, "year") && HasCaseRows(run, authority!.Code, year!.Value.StartYear))
                run.Report(row.Line, "code", $"{authority.Code} {year} already has case rows; totals in counts.csv cannot be mixed with them");
            if (run.RowIsBad) return null;
            run.CountedYears.Add((authority!.Code, year!.Value.StartYear));
            return [authority.Code, year.Value.StartYear, .. CountColumns.Select(c => n[c])];
        },
        readsStore: true);

    private static void AtMost(ImportRun run, CsvRow row, Dictionary<string, long?> counts, string part, string whole)
    {
        if (counts[part] is { } p && counts[whole] is { } w && p > w)
            run.Report(row.Line, part, $"{part} ({p}) is more than {whole} ({w})");
    }

    private static bool HasCaseRows(ImportRun run, string code, int year) =>
        run.Connection.ExecuteScalar<long>(
            """
            SELECT (SELECT COUNT(*) FROM decisions WHERE year = @year AND authority_code = @code)
                 + (SELECT COUNT(*) FROM received WHERE year = @year AND authority_code = @code)
                 + (SELECT COUNT(*) FROM compliance WHERE year = @year AND authority_code = @code)
            """,
            new { code, year }, run.Transaction) > 0;
}
