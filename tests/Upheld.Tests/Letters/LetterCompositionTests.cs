using Upheld.Letters;
using Upheld.Tests.Import;

namespace Upheld.Tests.Letters;

/// <summary>Letters follow the data: counts in words, singular and plural, switched-off paragraphs, clear errors.</summary>
public sealed class LetterCompositionTests : IDisposable
{
    private readonly LetterScenario _scenario = new();

    private string Words(string code) => LetterText.Flat(LetterText.Html(_scenario.HtmlAsync(code).GetAwaiter().GetResult()));

    private void AddLateRemedy(string caseRef) => _scenario.Import(new ImportFolder()
        .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority",
            $"{caseRef},E10000003,2019-05-01,upheld,false")
        .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", $"{caseRef},E10000003,2019-12-02,complied_late"));

    [Fact]
    public void A_third_late_remedy_makes_in_three_cases()
    {
        Assert.Contains("it is disappointing that in two cases, remedies were not completed", Words("E10000003"));

        AddLateRemedy("LATE-3");

        var words = Words("E10000003");
        Assert.Contains("it is disappointing that in three cases, remedies were not completed", words);
        Assert.Contains("13 upheld decisions", words);
        Assert.Contains("a total of 10 compliance outcomes", words);
    }

    [Fact]
    public void One_late_remedy_is_written_in_the_singular()
    {
        _scenario.Import(new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority", "R-LATE,E06000017,2019-04-10,upheld,false")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "R-LATE,E06000017,2019-12-02,complied_late"));

        var words = Words("E06000017");
        Assert.Contains("it is disappointing that in one case, a remedy was not completed within the agreed timescales.", words);
        Assert.Contains("a total of 2 compliance outcomes", words);
    }

    [Fact]
    public void Staff_can_switch_the_late_remedies_paragraph_off_and_on()
    {
        Assert.DoesNotContain("remedies were not completed", Words("E10000034"));
        using (var connection = _scenario.Database.Connect())
            LetterReview.Switch(connection, "E10000034", LetterScenario.Year, DataParagraphs.LateRemedies, on: true);

        Assert.Contains("it is disappointing that in three cases, remedies were not completed", Words("E10000034"));
    }

    [Fact]
    public void A_public_report_without_prompt_compliance_has_no_promptness_sentence()
    {
        _scenario.Import(new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority", "PR-2,E10000003,2019-05-01,upheld,false")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "PR-2,E10000003,2019-12-02,complied_late")
            .With("recommendations.csv", "case_ref,authority_code,kind,text", "PR-2,E10000003,personal,apologise to Mr X")
            .With("public_reports.csv", "case_ref,authority_code,issued_date,title,summary", "PR-2,E10000003,2020-01-10,handling of a school transport application,"));

        var words = Words("E10000003");
        Assert.Contains("This year, I issued a public report about your Council's handling of a school transport application. The Council agreed to the recommendations made, including agreeing to apologise to Mr X. Resources", words.Replace("Resources to help", "Resources"));
        Assert.DoesNotContain("promptly provided", words);
    }

    [Fact]
    public void No_statistics_pages_for_a_council_with_nothing_to_report()
    {
        var letter = _scenario.Compose("E07000192").Letter;

        Assert.Empty(letter.Statistics);
        Assert.DoesNotContain("Statistics are based", Words("E07000192"));
    }

    [Fact]
    public void Unknown_councils_and_years_without_data_or_edition_are_clear_errors()
    {
        using var connection = _scenario.Database.Connect();
        var editions = EditionCatalog.Load();

        Assert.Contains("E99999999 is not a council that existed in 2019-20",
            Assert.Throws<LetterRequestException>(() => YearLetters.Compose(connection, LetterScenario.Year, editions, "E99999999")).Message);
        Assert.Contains("no data for 2022-23",
            Assert.Throws<LetterRequestException>(() => YearLetters.Compose(connection, new FinancialYear(2022), editions)).Message);
        Assert.Contains("no letter edition serves 2020-21",
            Assert.Throws<LetterRequestException>(() => YearLetters.Compose(connection, new FinancialYear(2020), editions)).Message);
    }

    public void Dispose() => _scenario.Dispose();
}
