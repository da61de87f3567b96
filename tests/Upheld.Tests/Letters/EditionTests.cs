using Upheld.Letters;
using Upheld.Tests.Import;

namespace Upheld.Tests.Letters;

/// <summary>Editions are data: shipped ones serve their years, a new file adds a year, illustrative text is marked.</summary>
public sealed class EditionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("upheld-editions-").FullName;

    [Fact]
    public void The_shipped_editions_serve_2019_20_and_the_illustrative_2022_23_and_2025_26()
    {
        var editions = EditionCatalog.Load();

        Assert.Equal("2020", editions.For(new FinancialYear(2019))!.Id);
        Assert.True(editions.For(new FinancialYear(2022))!.Illustrative);
        Assert.Null(editions.For(new FinancialYear(2020)));
        // Complaint-handling paragraphs from 2025-26, the first letter written after the Code entered the ombudsman's casework.
        Assert.Equal(("2026-illustrative", true), (editions.For(new FinancialYear(2025))!.Id, editions.For(new FinancialYear(2025))!.Illustrative));
        Assert.NotNull(editions.For(new FinancialYear(2025))!.DataParagraphs.ComplaintHandling);
        Assert.Null(editions.For(new FinancialYear(2019))!.DataParagraphs.ComplaintHandling);
        Assert.Null(editions.For(new FinancialYear(2026)));
    }

    [Fact]
    public void An_edition_file_in_a_folder_adds_a_year_without_code()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Upheld", "Letters", "Editions");
        var json = File.ReadAllText(Path.Combine(shipped, "2020.json"))
            .Replace("\"2019-20\"", "\"2020-21\"").Replace("\"id\": \"2020\"", "\"id\": \"2021\"");
        File.WriteAllText(Path.Combine(_folder, "2021.json"), json);
        File.Copy(Path.Combine(shipped, "signature-placeholder.svg"), Path.Combine(_folder, "signature-placeholder.svg"));

        Assert.Equal("2021", EditionCatalog.Load(_folder).For(new FinancialYear(2020))!.Id);
    }

    [Fact]
    public void An_edition_with_a_data_year_that_is_not_a_financial_year_is_refused_by_name()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Upheld", "Letters", "Editions");
        var json = File.ReadAllText(Path.Combine(shipped, "2020.json")).Replace("\"2019-20\"", "\"2020/21\"");
        File.WriteAllText(Path.Combine(_folder, "2021.json"), json);
        File.Copy(Path.Combine(shipped, "signature-placeholder.svg"), Path.Combine(_folder, "signature-placeholder.svg"));

        var error = Assert.Throws<InvalidDataException>(() => EditionCatalog.Load(_folder));

        Assert.Contains("2021.json", error.Message);
        Assert.Contains("'2020/21' is not a financial year", error.Message);
    }

    [Fact]
    public async Task The_illustrative_edition_is_marked_and_prints_the_later_lines()
    {
        using var scenario = new LetterScenario();
        scenario.Import(new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome,remedied_by_authority",
                "I-1,E06000017,2022-05-01,upheld,true", "I-2,E06000017,2022-06-01,upheld,false", "I-3,E06000017,2022-07-01,not_upheld,"));

        var html = await scenario.HtmlAsync("E06000017", new FinancialYear(2022));
        var words = LetterText.Flat(LetterText.Html(html));

        Assert.Contains("class=\"notice\" role=\"note\">Illustrative edition", html);
        Assert.Contains("complaints for every 100,000 residents.", words);
        Assert.Contains("Statistics are based on a total of 2 upheld decisions", words);
        Assert.Contains("A. N. Signatory", words);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
