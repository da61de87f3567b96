using System.Net;
using Dapper;
using Upheld.Import;
using Upheld.Letters;
using Upheld.Tests.Import;
using Upheld.Tests.Letters;
using Upheld.Tests.Web;

namespace Upheld.Tests.Reliability;

/// <summary>Names and statements holding markup, ampersands, quotes, formula-like text and non-Latin scripts are data:
/// kept as written, shown as written and never run, in pages, letters, PDFs and downloads.</summary>
public sealed class EscapingTests : IAsyncLifetime
{
    private const string Summary = "<script>alert(\"x\")</script> Tom & Jerry's \"garden\" — Cymraeg ŵ ŷ, Ελληνικά, 中文投诉, العربية";
    private const string Formula = "=HYPERLINK(\"http://example.com\",\"click\")";
    private const string Surname = "O'Brien <b>&amp;</b> Ŵyn";
    private const string Commentary = "Council & <i>partners</i> \"agreed\": 中文 and Ελληνικά. [a link](javascript:alert(1))";

    private SiteHost _site = null!;

    public Task InitializeAsync()
    {
        _site = new SiteHost();
        using var folder = new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,category,outcome,remedied_by_authority,summary",
                $"ESC-1,E06000017,2019-10-01,Housing,upheld,false,\"{Summary.Replace("\"", "\"\"")}\"",
                $"ESC-2,E06000017,2019-10-02,Housing,upheld,false,\"{Formula.Replace("\"", "\"\"")}\"")
            .With("recommendations.csv", "case_ref,authority_code,kind,text,amount_gbp", "ESC-1,E06000017,personal,pay <em>£</em> & apologise,4200.50")
            .With("contacts.csv", "code,year,honorific,surname,role", $"E06000017,2019-20,Ms,\"{Surname}\",Chief Executive & Head of Paid Service")
            .With("commentary.csv", "authority_code,year,position,text", $"E06000017,2019-20,1,\"{Commentary.Replace("\"", "\"\"")}\"");
        var result = new Importer(_site.Database).Import(folder.Path, replace: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        using var connection = _site.Database.Connect();
        var letter = YearLetters.Compose(connection, new FinancialYear(2019), EditionCatalog.Load(), "E06000017").Single();
        LetterReview.Approve(connection, "E06000017", new FinancialYear(2019), letter.ContentHash, SiteHost.PublishedAt.AddDays(-7));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/decisions/ESC-1")]
    [InlineData("/councils/E06000017/rutland/2019-20")]
    public async Task Pages_show_the_text_as_written_and_never_as_markup(string path)
    {
        var html = await _site.Client.GetStringAsync(path);

        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains(Summary, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_decision_page_shows_the_remedy_amount_in_pounds_and_its_text_escaped()
    {
        var html = await _site.Client.GetStringAsync("/decisions/ESC-1");

        Assert.Contains("pay <em>£</em> & apologise (£4,200.50)", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("<em>", html);
    }

    [Fact]
    public async Task The_letter_shows_addressee_and_commentary_escaped_and_follows_no_script_link()
    {
        var html = await _site.Client.GetStringAsync("/councils/E06000017/letters/2019-20.html");
        var text = WebUtility.HtmlDecode(html);

        Assert.DoesNotContain("<b>&amp;</b>", html);
        Assert.DoesNotContain("<i>partners</i>", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Contains(Surname, text);
        Assert.Contains("Council & <i>partners</i> \"agreed\": 中文 and Ελληνικά. [a link](javascript:alert(1))", text);
    }

    [SkippableFact]
    public async Task The_letter_PDF_shows_the_addressee_and_commentary_in_their_own_scripts()
    {
        PdfTools.Require();
        var pdf = await _site.Client.GetByteArrayAsync("/councils/E06000017/letters/2019-20.pdf");
        var text = PdfTools.Text(pdf);

        Assert.Contains("O'Brien <b>&amp;</b> Ŵyn", text);
        Assert.Contains("Council & <i>partners</i> \"agreed\": 中文 and Ελληνικά.", text);
    }

    [Fact]
    public async Task A_formula_is_stored_as_written_and_defused_in_the_CSV_download()
    {
        var csv = await _site.Client.GetStringAsync("/councils/E06000017/rutland/2019-20/decisions.csv");
        using var connection = _site.Database.Connect();
        var stored = connection.ExecuteScalar<string>("SELECT summary FROM decisions WHERE case_ref = 'ESC-2'");

        Assert.Equal(Formula, stored);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"click\"\")\"", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.Contains("\"<script>alert(\"\"x\"\")</script> Tom & Jerry's \"\"garden\"\" — Cymraeg ŵ ŷ, Ελληνικά, 中文投诉, العربية\"", csv);
    }
}
