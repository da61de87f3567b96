using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Upheld.Quality;
using Upheld.Web.Staff;

namespace Upheld.Tests.Quality;

/// <summary>The staff component renders a report: counts by kind and one row per finding, or that there is nothing to check.</summary>
public sealed class DataQualityReportTests
{
    private static async Task<string> Render(QualityReport report)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<DataQualityReport>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Report"] = report }));
            return output.ToHtmlString();
        });
    }

    [Fact]
    public async Task A_report_lists_each_finding_with_its_council_and_the_counts_by_kind()
    {
        var html = await Render(new QualityReport(new FinancialYear(2019),
        [
            new QualityFinding(QualityFindingKind.ComplianceForUnknownCase, "E06000017", "Rutland", "case OLD-1: not complied recorded 2019-11-02, but no decision of that case is stored"),
        ]));

        Assert.Contains("Data quality, 2019-20", html);
        Assert.Contains("<li>Compliance outcome for an unknown case: 1</li>", html);
        Assert.Contains("<li>Letter without an addressee: 0</li>", html);
        Assert.Contains("<th scope=\"row\" class=\"govuk-table__header\">Rutland <span class=\"govuk-body-s\">(E06000017)</span></th>", html);
        Assert.Contains("case OLD-1: not complied recorded 2019-11-02", html);
    }

    [Fact]
    public async Task An_empty_report_says_there_is_nothing_to_check() =>
        Assert.Contains("Nothing to check", await Render(new QualityReport(new FinancialYear(2019), [])));
}
