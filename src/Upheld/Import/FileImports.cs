namespace Upheld.Import;

/// <summary>The reader of each import file, by file name.</summary>
internal static class FileImports
{
    public static IFileImport For(string file) => file switch
    {
        "authorities.csv" => new ReferenceFiles.AuthoritiesFile(),
        "populations.csv" => new ReferenceFiles.PopulationsFile(),
        "contacts.csv" => YearFiles.Contacts,
        "counts.csv" => YearFiles.Counts,
        "received.csv" => CaseFiles.Received,
        "decisions.csv" => CaseFiles.Decisions,
        "recommendations.csv" => CaseFiles.Recommendations,
        "compliance.csv" => CaseFiles.Compliance,
        "public_reports.csv" => CaseFiles.PublicReports,
        "commentary.csv" => YearFiles.Commentary,
        "complaint_returns.csv" => ComplaintHandling.ComplaintHandlingFiles.Returns,
        "code_self_assessments.csv" => ComplaintHandling.ComplaintHandlingFiles.SelfAssessments,
        _ => throw new ArgumentException($"{file} is not an import file", nameof(file)),
    };
}
