using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Tests.Statistics;

/// <summary>Builds engine input from the counts a test cares about, everything else zero.</summary>
internal static class Counts
{
    public const string Year = "2019-20";

    public static AuthorityYearCounts Of(
        string code,
        int upheld = 0,
        int notUpheld = 0,
        int remedies = 0,
        int complied = 0,
        int late = 0,
        int notComplied = 0,
        long? population = null,
        string? name = null,
        AuthorityType? type = null,
        string year = Year) =>
        new(code, name ?? "Council " + code, type ?? AuthorityTypes.FromCode(code)!.Value, FinancialYear.Parse(year),
            Received: 0, Decided: upheld + notUpheld, upheld, notUpheld, remedies, complied, late, notComplied, population);
}
