using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Authorities;
using Upheld.Cases;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Letters;

/// <summary>Reads from the store the inputs of every letter of a year in a few queries, statistics included.</summary>
public static class LetterInputsQuery
{
    private sealed record ContactRow(string Code, string? Honorific, string? Surname, string Role);
    private sealed record ReportRow(string CaseRef, string AuthorityCode, string IssuedDate, string? Title, string? Summary);
    private sealed record RemedyRow(string CaseRef, string Text);
    private sealed record ComplianceRow(string CaseRef, string Outcome);
    private sealed record TextRow(string AuthorityCode, string Text);
    private sealed record SwitchRow(string AuthorityCode, string Paragraph);

    /// <summary>True when the store holds any decision, compliance outcome or published total for the year.</summary>
    public static bool HasData(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        connection.ExecuteScalar<long>(
            "SELECT (SELECT COUNT(*) FROM decisions WHERE year = @y) + (SELECT COUNT(*) FROM compliance WHERE year = @y) + (SELECT COUNT(*) FROM counts WHERE year = @y)",
            new { y = year.StartYear }, transaction) > 0;

    /// <summary>The inputs of every authority that existed in the year, by code; averages use all of them.</summary>
    public static IReadOnlyList<LetterInputs> ForYear(DbConnection connection, FinancialYear year, AverageMethod method = AverageMethod.Pooled, DbTransaction? transaction = null)
    {
        var p = new { year = year.StartYear };
        var counts = CountsQuery.ForYear(connection, year, transaction);
        var statistics = StatisticsEngine.Compute(counts, method).ToDictionary(s => s.Code);
        var deadline = ComplaintHandling.SubmissionDeadlines.For(connection, year, transaction);
        var handling = ComplaintHandling.ComplaintHandlingQuery.ForYear(connection, year, counts, transaction).ToDictionary(c => c.Code,
            c => new ComplaintHandlingInputs(deadline?.Date, c.SelfAssessment, c.Stage1), StringComparer.Ordinal);
        var contacts = connection.Query<ContactRow>("SELECT code, honorific, surname, role FROM contacts WHERE year = @year", p, transaction)
            .ToDictionary(c => c.Code, c => new Contact(c.Honorific, c.Surname, c.Role));
        var reports = connection.Query<ReportRow>(
            "SELECT case_ref, authority_code, issued_date, title, summary FROM public_reports WHERE year = @year", p, transaction).ToList();
        var remedies = connection.Query<RemedyRow>(
            "SELECT r.case_ref, r.text FROM recommendations r JOIN public_reports p ON p.case_ref = r.case_ref WHERE p.year = @year ORDER BY r.seq", p, transaction)
            .ToLookup(r => r.CaseRef, r => r.Text);
        var compliance = connection.Query<ComplianceRow>(
            "SELECT c.case_ref, c.outcome FROM compliance c JOIN public_reports p ON p.case_ref = c.case_ref WHERE p.year = @year", p, transaction)
            .ToLookup(c => c.CaseRef, c => c.Outcome);
        var commentary = connection.Query<TextRow>(
            "SELECT authority_code, text FROM commentary WHERE year = @year ORDER BY authority_code, position", p, transaction).ToLookup(c => c.AuthorityCode, c => c.Text);
        var switches = connection.Query<SwitchRow>("SELECT authority_code, paragraph FROM letter_switches WHERE year = @year", p, transaction)
            .ToLookup(s => s.AuthorityCode, s => s.Paragraph);
        // Synthetic figures (the demonstration dataset's generated councils) make a letter carry a demonstration marking.
        var sources = Provenance.ForYear(connection, year, transaction);
        // The signals need every council's data for their q-values: computed only when some letter of the year has them switched on.
        var signals = switches.Any(s => s.Contains(DataParagraphs.ServiceAreaSignals))
            ? Signals.SignalsQuery.Compute(connection, year, transaction).Signals.ToLookup(s => s.Code, s => s.Words)
            : Enumerable.Empty<string>().ToLookup(_ => "", _ => "");
        var byAuthority = reports.ToLookup(r => r.AuthorityCode, r => new PublicReport(
            r.CaseRef, DateOnly.ParseExact(r.IssuedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Title, r.Summary,
            remedies[r.CaseRef].ToList(),
            compliance[r.CaseRef].Any() && compliance[r.CaseRef].All(o => o == Outcomes.CompliedOnTime)));

        return AuthorityStore.All(connection, transaction).Where(a => a.ExistsIn(year)).Select(a => new LetterInputs(
            a, year, contacts.GetValueOrDefault(a.Code), statistics[a.Code], byAuthority[a.Code].ToList(),
            commentary[a.Code].ToList(), switches[a.Code].ToHashSet(StringComparer.Ordinal),
            sources.GetValueOrDefault(a.Code, DataSource.Published) == DataSource.Synthetic, handling[a.Code], signals[a.Code].ToList())).ToList();
    }
}
