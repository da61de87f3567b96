using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Letters;

/// <summary>Everything one council's letter is written from, read from the store: nothing else decides its words.</summary>
public sealed record LetterInputs(
    Authority Authority,
    FinancialYear Year,
    Contact? Contact,
    AuthorityStatistics Statistics,
    IReadOnlyList<PublicReport> PublicReports,
    IReadOnlyList<string> Commentary,
    IReadOnlySet<string> SwitchedOff,
    bool Demonstration);

/// <summary>The letter's addressee for the year; without a surname the letter greets the role.</summary>
public sealed record Contact(string? Honorific, string? Surname, string Role);

/// <summary>A public report issued in the year, with its case's recommendations in import order.</summary>
/// <param name="CompliedOnTime">True when the case has compliance outcomes and every one came on time.</param>
public sealed record PublicReport(
    string CaseRef,
    DateOnly Issued,
    string? Subject,
    string? Summary,
    IReadOnlyList<string> Remedies,
    bool CompliedOnTime);

/// <summary>Keys of the paragraphs written from data, which staff can switch off for one letter.</summary>
public static class DataParagraphs
{
    public const string LateRemedies = "late_remedies";

    /// <summary>A public report's paragraphs are switched off per report: "public_report:CASE_REF".</summary>
    public static string PublicReport(string caseRef) => $"public_report:{caseRef}";

    public static bool IsKnown(string key) => key == LateRemedies || key.StartsWith("public_report:", StringComparison.Ordinal);
}
