using System.Data.Common;
using Dapper;
using Upheld.Authorities;
using Upheld.Cases;
using Upheld.Storage;

namespace Upheld.Statistics;

/// <summary>Reads from the store the counts of every authority that existed in a year, ready for the engine.</summary>
/// <remarks>
/// Decisions count in the year of their decision date, compliance outcomes in the year they were recorded,
/// complaints received in the year of their received date. An authority-year held in counts.csv form takes
/// its figures from there (an import never mixes the two).
/// </remarks>
public static class CountsQuery
{
    // Classes with setters rather than positional records: Dapper then converts each engine's column types
    // (PostgreSQL int and bigint, SQLite's untyped aggregates) instead of demanding an exact constructor match.
    private sealed class DecisionRow
    {
        public string AuthorityCode { get; set; } = "";
        public long Decided { get; set; }
        public long Upheld { get; set; }
        public long NotUpheld { get; set; }
        public long Remedied { get; set; }
    }

    private sealed class ComplianceRow
    {
        public string AuthorityCode { get; set; } = "";
        public long OnTime { get; set; }
        public long Late { get; set; }
        public long NotComplied { get; set; }
    }

    private sealed class CountsRow
    {
        public string Code { get; set; } = "";
        public long? Investigations { get; set; }
        public long? Upheld { get; set; }
        public long? SatisfactoryRemedies { get; set; }
        public long? ComplianceOutcomes { get; set; }
        public long? Complied { get; set; }
        public long? CompliedLate { get; set; }
        public long? Decided { get; set; }
        public long? Received { get; set; }
    }

    private sealed class CodeCount
    {
        public string Code { get; set; } = "";
        public long Count { get; set; }
    }

    public static IReadOnlyList<AuthorityYearCounts> ForYear(Database database, FinancialYear year)
    {
        using var connection = database.Connect();
        return ForYear(connection, year);
    }

    public static IReadOnlyList<AuthorityYearCounts> ForYear(DbConnection connection, FinancialYear year, DbTransaction? transaction = null)
    {
        var parameters = new { year = year.StartYear, upheld = Outcomes.Upheld, notUpheld = Outcomes.NotUpheld,
            late = Outcomes.CompliedLate, onTime = Outcomes.CompliedOnTime, notComplied = Outcomes.NotComplied };
        var decisions = connection.Query<DecisionRow>(
            """
            SELECT authority_code, COUNT(*) AS decided,
                   SUM(CASE WHEN outcome = @upheld THEN 1 ELSE 0 END) AS upheld,
                   SUM(CASE WHEN outcome = @notUpheld THEN 1 ELSE 0 END) AS not_upheld,
                   SUM(remedied_by_authority) AS remedied
            FROM decisions WHERE year = @year GROUP BY authority_code
            """, parameters, transaction).ToDictionary(r => r.AuthorityCode);
        var compliance = connection.Query<ComplianceRow>(
            """
            SELECT authority_code,
                   SUM(CASE WHEN outcome = @onTime THEN 1 ELSE 0 END) AS on_time,
                   SUM(CASE WHEN outcome = @late THEN 1 ELSE 0 END) AS late,
                   SUM(CASE WHEN outcome = @notComplied THEN 1 ELSE 0 END) AS not_complied
            FROM compliance WHERE year = @year GROUP BY authority_code
            """, parameters, transaction).ToDictionary(r => r.AuthorityCode);
        var received = connection.Query<CodeCount>(
            "SELECT authority_code AS code, COUNT(*) AS count FROM received WHERE year = @year GROUP BY authority_code", parameters, transaction)
            .ToDictionary(r => r.Code, r => r.Count);
        var counted = connection.Query<CountsRow>(
            "SELECT code, investigations, upheld, satisfactory_remedies, compliance_outcomes, complied, complied_late, decided, received FROM counts WHERE year = @year",
            parameters, transaction).ToDictionary(r => r.Code);
        var populations = connection.Query<CodeCount>(
            "SELECT code, population AS count FROM populations WHERE year = @year", parameters, transaction).ToDictionary(r => r.Code, r => r.Count);

        var result = new List<AuthorityYearCounts>();
        foreach (var authority in AuthorityStore.All(connection, transaction).Where(a => a.ExistsIn(year)))
        {
            long? population = populations.TryGetValue(authority.Code, out var p) ? p : null;
            if (counted.TryGetValue(authority.Code, out var c))
            {
                var upheld = (int)(c.Upheld ?? 0);
                var investigations = (int)(c.Investigations ?? upheld);
                var complied = (int)(c.Complied ?? 0);
                result.Add(new AuthorityYearCounts(authority.Code, authority.Name, authority.Type, year,
                    Received: (int)(c.Received ?? 0), Decided: (int)(c.Decided ?? investigations), Upheld: upheld,
                    NotUpheld: investigations - upheld, SatisfactoryRemedies: (int)(c.SatisfactoryRemedies ?? 0),
                    Complied: complied, CompliedLate: (int)(c.CompliedLate ?? 0),
                    NotComplied: (int)(c.ComplianceOutcomes ?? complied) - complied, Population: population));
                continue;
            }
            var d = decisions.GetValueOrDefault(authority.Code);
            var o = compliance.GetValueOrDefault(authority.Code);
            result.Add(new AuthorityYearCounts(authority.Code, authority.Name, authority.Type, year,
                Received: (int)received.GetValueOrDefault(authority.Code), Decided: (int)(d?.Decided ?? 0),
                Upheld: (int)(d?.Upheld ?? 0), NotUpheld: (int)(d?.NotUpheld ?? 0), SatisfactoryRemedies: (int)(d?.Remedied ?? 0),
                Complied: (int)((o?.OnTime ?? 0) + (o?.Late ?? 0)), CompliedLate: (int)(o?.Late ?? 0),
                NotComplied: (int)(o?.NotComplied ?? 0), Population: population));
        }
        return result;
    }
}
