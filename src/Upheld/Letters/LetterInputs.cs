using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.Letters;

/// <summary>Everything one council's letter is written from, read from the store: nothing else decides its words.</summary>
/// <param name="SwitchedOff">The paragraphs staff switched from their default: off for those written by default, on for those
/// off by default (<see cref="DataParagraphs.OffByDefault"/>).</param>
/// <param name="ServiceAreaSignals">The council's service-area signals of the year in words, strongest first; read only when its
/// paragraph is switched on (else empty).</param>
public sealed record LetterInputs(
    Authority Authority,
    FinancialYear Year,
    Contact? Contact,
    AuthorityStatistics Statistics,
    IReadOnlyList<PublicReport> PublicReports,
    IReadOnlyList<string> Commentary,
    IReadOnlySet<string> SwitchedOff,
    bool Demonstration,
    ComplaintHandlingInputs? ComplaintHandling = null,
    IReadOnlyList<string>? ServiceAreaSignals = null);

/// <summary>What the complaint-handling paragraphs are written from: the year's deadline, the self-assessment received and the stage 1 return.</summary>
/// <param name="Deadline">The year's submission deadline; null when none is set.</param>
/// <param name="SelfAssessment">The self-assessment as received, late or not; null when none was received.</param>
/// <param name="Stage1">The council's stage 1 return; null when none was received.</param>
public sealed record ComplaintHandlingInputs(DateOnly? Deadline, ComplaintHandling.SelfAssessment? SelfAssessment, ComplaintHandling.StageReturn? Stage1);

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

    /// <summary>No self-assessment against the Complaint Handling Code received by the year's deadline.</summary>
    public const string SelfAssessmentNotReceived = "complaint_handling_not_received";

    /// <summary>The self-assessment declares sections of the Code the council does not follow.</summary>
    public const string SectionsNotFollowed = "complaint_handling_sections";

    /// <summary>The printed share of stage 1 complaints answered in time is below the edition's threshold.</summary>
    public const string Stage1InTime = "complaint_handling_stage1_in_time";

    /// <summary>The paragraphs staff switch by a fixed key (public reports are switched per report).</summary>
    public static readonly IReadOnlyList<string> Fixed = [LateRemedies, SelfAssessmentNotReceived, SectionsNotFollowed, Stage1InTime];

    /// <summary>The council's service-area signals of the year (docs/statistics.md): off unless staff switch it on for the letter.</summary>
    public const string ServiceAreaSignals = "service_area_signals";

    /// <summary>Paragraphs left out unless staff switch them on; a stored switch of one of them means "on".</summary>
    public static readonly IReadOnlyList<string> OffByDefault = [ServiceAreaSignals];

    /// <summary>A public report's paragraphs are switched off per report: "public_report:CASE_REF".</summary>
    public static string PublicReport(string caseRef) => $"public_report:{caseRef}";

    public static bool IsKnown(string key) => Fixed.Contains(key) || OffByDefault.Contains(key) || key.StartsWith("public_report:", StringComparison.Ordinal);

    /// <summary>How staff pages name a paragraph: "Remedies carried out late", "Public report 19 001 234".</summary>
    public static string Describe(string key) => key switch
    {
        LateRemedies => "Remedies carried out late",
        SelfAssessmentNotReceived => "Complaint handling: no self-assessment received by the deadline",
        SectionsNotFollowed => "Complaint handling: sections of the Code not followed",
        Stage1InTime => "Complaint handling: stage 1 complaints answered in time",
        ServiceAreaSignals => "Early warning: service areas worth a closer look (off unless switched on)",
        _ when key.StartsWith("public_report:", StringComparison.Ordinal) => $"Public report {key["public_report:".Length..]}",
        _ => key,
    };
}
