using Dapper;
using Upheld.Publishing;
using Upheld.Demo;
using Upheld.Storage;

namespace Upheld.Tests.Demo;

/// <summary>The five councils of the real 2020 letters come out of the demonstration data exactly as their letters print them.</summary>
[Collection(DemoDatabase.Collection)]
public class DemoPublishedCouncilsTests(DemoDatabase demo)
{
    private static readonly FinancialYear Year2019 = new(2019);

    [Theory]
    [InlineData("E10000003", 14, 12, 1, 9, 2, 0, "86%", "100%", "8%")]
    [InlineData("E10000034", 22, 19, 3, 12, 3, 1, "86%", "92%", "16%")]
    [InlineData("E07000156", 2, 2, 0, 1, 0, 0, "100%", "100%", "0%")]
    [InlineData("E06000017", 1, 1, 0, 1, 0, 0, "100%", "100%", "0%")]
    [InlineData("E07000192", 0, 0, 0, 0, 0, 0, null, null, null)]
    public void Each_has_its_letters_figures(string code, int investigations, int upheld, int remedies, int outcomes, int late, int notComplied,
        string? uphold, string? compliance, string? remedy)
    {
        var s = demo.Stats(code, Year2019);

        Assert.Equal((investigations, upheld, remedies, outcomes, late, notComplied),
            (s.Counts.Investigations, s.Counts.Upheld, s.Counts.SatisfactoryRemedies, s.Counts.ComplianceOutcomes, s.Counts.CompliedLate, s.Counts.NotComplied));
        Assert.Equal((uphold, compliance, remedy), (s.Uphold.Value.Text, s.Compliance.Value.Text, s.SatisfactoryRemedy.Value.Text));
    }

    [Fact]
    public void Each_letter_has_its_addressee()
    {
        using var connection = demo.Database.Connect();
        var contacts = connection.Query<(string Code, string Honorific, string Surname, string Role)>(
            "SELECT code, honorific, surname, role FROM contacts WHERE year = 2019 ORDER BY code").ToList();

        Assert.Equal(
        [
            ("E06000017", "Mr", "Andrews", "Chief Executive"), ("E07000156", "Ms", "Elliott", "Managing Director"),
            ("E07000192", "Mr", "McGovern", "Managing Director"), ("E10000003", "Ms", "Beasley", "Chief Executive"),
            ("E10000034", "Mr", "Robinson", "Head of Paid Service"),
        ], contacts);
    }

    [Fact]
    public void Worcestershire_has_its_public_report_with_its_recommendations_in_order_complied_on_time()
    {
        using var connection = demo.Database.Connect();
        var reports = connection.Query<(string CaseRef, string Title, string Summary)>(
            "SELECT case_ref, title, summary FROM public_reports WHERE year = 2019 AND authority_code IN ('E10000003','E10000034','E07000156','E06000017','E07000192')").ToList();
        var report = Assert.Single(reports);
        var letter = Letter("worcestershire-county-council.txt");
        Assert.Contains($"This year, I issued a public report about your Council's {report.Title}. {report.Summary}", letter);

        var recommendations = connection.Query<(string Text, long? Pence)>(
            "SELECT text, amount_pence FROM recommendations WHERE case_ref = @CaseRef ORDER BY seq", new { report.CaseRef }).ToList();
        Assert.Equal(
            [("pay the child's mother £4,200 for lost education", 420_000L), ("remind officers of the Council's duties to children out of school", null), ("review its corporate complaints policy", null)],
            recommendations.Select(r => (r.Text, r.Pence)));
        Assert.Contains("agreeing to " + string.Join(", to ", recommendations.Take(2).Select(r => r.Text)) + ", and to " + recommendations[2].Text + ".", letter);
        Assert.Equal(["complied_on_time"], connection.Query<string>("SELECT outcome FROM compliance WHERE case_ref = @CaseRef", new { report.CaseRef }));
    }

    [Fact]
    public void Worcestershires_commentary_is_its_letters_words()
    {
        using var connection = demo.Database.Connect();
        var paragraphs = connection.Query<string>("SELECT text FROM commentary WHERE authority_code = 'E10000034' AND year = 2019 ORDER BY position").ToList();

        Assert.Equal(2, paragraphs.Count);
        var letter = Letter("worcestershire-county-council.txt");
        Assert.All(paragraphs, p => Assert.Contains(p, letter));
    }

    [Fact]
    public void Every_authority_year_is_marked_published_or_synthetic_and_the_database_as_demonstration()
    {
        using var connection = demo.Database.Connect();
        Assert.True(Provenance.IsDemonstration(connection));
        var sources = Provenance.ForYear(connection, Year2019);
        Assert.Equal(demo.Stats(Year2019).Count, sources.Count);
        Assert.Equal(PublishedCouncils.All.Select(p => p.Code).Order(StringComparer.Ordinal),
            sources.Where(s => s.Value == DataSource.Published).Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.All(DemoYears.All.Where(y => y.Year != Year2019),
            y => Assert.All(Provenance.ForYear(connection, y.Year).Values, v => Assert.Equal(DataSource.Synthetic, v)));
    }

    [Fact]
    public void Each_year_is_published_at_its_date()
    {
        using var connection = demo.Database.Connect();
        var schedule = Publication.Schedule(connection);

        Assert.Equal(DemoYears.All.Select(y => y.Year), schedule.Keys.Order());
        Assert.Equal(new DateOnly(2020, 7, 29), DateOnly.FromDateTime(schedule[Year2019].UtcDateTime));
        Assert.All(schedule.Values, at => Assert.True(at < new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    private static string Letter(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "letters-2020", file)).ReplaceLineEndings("\n");
}
