using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Authorities;
using Upheld.Letters;
using Upheld.Statistics;
using Upheld.Storage;

namespace Upheld.Quality;

/// <summary>Checks a year's data before publication and lists what staff should look at.</summary>
/// <remarks>
/// A large swing, against the year before, is either an uphold rate that moved by at least
/// <see cref="UpholdSwingPoints"/> percentage points with at least <see cref="UpholdSwingMinimum"/> detailed
/// investigations in both years, or complaints received that changed by more than <see cref="ReceivedSwingShare"/>
/// (up or down) from at least <see cref="ReceivedSwingMinimum"/> the year before. The minimums keep small councils'
/// chance moves (one case of one to none of two) out of the report. Compliance outcomes may name a case whose
/// decision is not in the store (the import allows it: the decision may be older than the data), so each such
/// outcome is listed for staff to confirm.
/// </remarks>
public static class DataQuality
{
    public const double UpholdSwingPoints = 20;
    public const int UpholdSwingMinimum = 10;
    public const double ReceivedSwingShare = 0.5;
    public const int ReceivedSwingMinimum = 10;

    public static QualityReport Report(Database database, FinancialYear year, EditionCatalog? editions = null)
    {
        using var connection = database.Connect();
        return Report(connection, year, editions);
    }

    public static QualityReport Report(DbConnection connection, FinancialYear year, EditionCatalog? editions = null)
    {
        var councils = AuthorityStore.All(connection).Where(a => a.ExistsIn(year)).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var findings = new List<QualityFinding>();
        findings.AddRange(WithoutAddressee(connection, year, councils));
        findings.AddRange(Swings(connection, year));
        findings.AddRange(UnknownCases(connection, year, councils));
        findings.AddRange(ChangedLetters(connection, year, editions ?? EditionCatalog.Load()));
        return new QualityReport(year, findings
            .OrderBy(f => f.Kind).ThenBy(f => f.AuthorityCode, StringComparer.Ordinal).ThenBy(f => f.Detail, StringComparer.Ordinal).ToList());
    }

    private static IEnumerable<QualityFinding> WithoutAddressee(DbConnection connection, FinancialYear year, Dictionary<string, Authority> councils)
    {
        var addressed = connection.Query<string>("SELECT code FROM contacts WHERE year = @year", new { year = year.StartYear }).ToHashSet(StringComparer.Ordinal);
        return councils.Values.Where(c => !addressed.Contains(c.Code)).Select(c => new QualityFinding(
            QualityFindingKind.LetterWithoutAddressee, c.Code, c.Name, $"no addressee in contacts.csv for {year}"));
    }

    private static IEnumerable<QualityFinding> Swings(DbConnection connection, FinancialYear year)
    {
        var before = CountsQuery.ForYear(connection, new FinancialYear(year.StartYear - 1)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var now in CountsQuery.ForYear(connection, year))
        {
            if (!before.TryGetValue(now.Code, out var then)) continue;
            if (then.Investigations >= UpholdSwingMinimum && now.Investigations >= UpholdSwingMinimum)
            {
                var (from, to) = (100.0 * then.Upheld / then.Investigations, 100.0 * now.Upheld / now.Investigations);
                if (Math.Abs(to - from) >= UpholdSwingPoints)
                    yield return new QualityFinding(QualityFindingKind.LargeSwing, now.Code, now.Name,
                        $"uphold rate {Percent(from)} ({then.Upheld} of {then.Investigations}) in {then.Year}, {Percent(to)} ({now.Upheld} of {now.Investigations}) in {now.Year}: {Points(to - from)}");
            }
            if (then.Received >= ReceivedSwingMinimum && Math.Abs(now.Received - then.Received) > ReceivedSwingShare * then.Received)
                yield return new QualityFinding(QualityFindingKind.LargeSwing, now.Code, now.Name,
                    $"complaints received {then.Received:N0} in {then.Year}, {now.Received:N0} in {now.Year}: {Change(then.Received, now.Received)}");
        }
    }

    private static IEnumerable<QualityFinding> UnknownCases(DbConnection connection, FinancialYear year, Dictionary<string, Authority> councils) =>
        connection.Query<(string CaseRef, string Code, string Recorded, string Outcome)>(
                """
                SELECT c.case_ref, c.authority_code, c.recorded_date, c.outcome FROM compliance c
                WHERE c.year = @year AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.case_ref = c.case_ref)
                """, new { year = year.StartYear })
            .Select(c => new QualityFinding(QualityFindingKind.ComplianceForUnknownCase, c.Code, councils.GetValueOrDefault(c.Code)?.Name ?? c.Code,
                $"case {c.CaseRef}: {c.Outcome.Replace('_', ' ')} recorded {c.Recorded}, but no decision of that case is stored"));

    private static IEnumerable<QualityFinding> ChangedLetters(DbConnection connection, FinancialYear year, EditionCatalog editions)
    {
        if (editions.For(year) is null || !LetterInputsQuery.HasData(connection, year)) return [];
        var approvedAt = connection.Query<(string Code, string At)>(
            "SELECT authority_code, approved_at FROM letter_approvals WHERE year = @year", new { year = year.StartYear }).ToDictionary(a => a.Code, a => a.At);
        return YearLetters.Compose(connection, year, editions).Where(l => l.Approval == ApprovalState.ChangedSinceApproval)
            .Select(l => new QualityFinding(QualityFindingKind.LetterChangedSinceApproval, l.Letter.AuthorityCode, l.Letter.AuthorityName,
                $"approved {approvedAt.GetValueOrDefault(l.Letter.AuthorityCode)}; the letter composed from the data now reads differently: approve it again"));
    }

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Points(double change) => (change > 0 ? "up " : "down ") + Math.Abs(change).ToString("0.#", CultureInfo.InvariantCulture) + " points";

    private static string Change(int from, int to) =>
        (to > from ? "up " : "down ") + (100.0 * Math.Abs(to - from) / from).ToString("0", CultureInfo.InvariantCulture) + "%";
}
