using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Upheld.Tests.LongestFirst", "Upheld.Tests")]

namespace Upheld.Tests;

/// <summary>
/// Starts the test collections that take longest first, and the rest after them in xUnit's usual order, so that the run does
/// not end with one long class working alone on one core while the other waits.
/// </summary>
/// <remarks>
/// Collections run a few at a time (xunit.runner.json) and each starts when a slot frees; the longest first keeps every slot
/// busy to the end. The list is of the slowest classes as <c>./test</c> prints them; a class missing from it only starts later.
/// </remarks>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        DemoCollection,
        "Reliability.Fuzz.SqliteImportFuzzTests",
        "Web.Browser.SiteInBrowserTests",
        "Web.Staff.PostgresUnpublishedYearTests",
        "Web.Staff.SqliteUnpublishedYearTests",
        "Reliability.CrashSafetyTests",
        "Import.PostgresIdentifiersAndBoundsTests",
        "Web.Staff.PostgresLetterSendingTests",
        "Web.Staff.SqliteLetterSendingTests",
        "Import.PostgresImportTests",
        "ComplaintHandling.PostgresSubmissionDeadlineTests",
        "Reliability.Fuzz.PostgresImportFuzzTests",
        "Web.Browser.SqliteStaffInBrowserTests",
        "Reliability.SignInStormTests",
        "Publishing.PostgresSetPublicationTests",
        "ComplaintHandling.PostgresComplaintHandlingImportTests",
        "Web.Browser.StaffCorrectionsInBrowserTests",
        "Web.Browser.PostgresStaffInBrowserTests",
        // Their class fixtures crawl or export the whole site, which the tests' own times do not show.
        "Web.StaticExportTests",
        "Web.StaticExportUpdateTests",
    ];

    private const string DemoCollection = Demo.DemoDatabase.Collection;

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> collections) =>
        collections.Select((collection, index) => (collection, index))
            .OrderBy(c => Rank(c.collection.DisplayName))
            .ThenBy(c => c.index)
            .Select(c => c.collection);

    private static int Rank(string collection)
    {
        // A class's own collection is named "Test collection for Upheld.Tests.<namespace>.<class>".
        var name = collection.Replace("Test collection for Upheld.Tests.", "", StringComparison.Ordinal);
        var rank = Array.IndexOf(Longest, name);
        return rank < 0 ? Longest.Length : rank;
    }
}
