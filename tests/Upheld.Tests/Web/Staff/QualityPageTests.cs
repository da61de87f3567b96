using System.Net;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;

namespace Upheld.Tests.Web.Staff;

/// <summary>The data-quality report in the staff area: staff read it for any year with data; link officers may not.</summary>
public abstract class QualityPageTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [SkippableFact]
    public async Task Staff_see_a_compliance_outcome_for_an_unknown_case_in_the_years_report()
    {
        using (var folder = new ImportFolder().With("compliance.csv", "case_ref,authority_code,recorded_date,outcome", "99-999-999,E06000017,2019-09-01,complied_on_time"))
        {
            var imported = new Importer(Site.Database, Site.Clock).Import(folder.Path);
            Assert.True(imported.Succeeded, string.Join("\n", imported.Problems.Lines()));
        }
        var session = await StaffSession.SignedIn(Site, StaffRole.Staff);

        var (status, page) = await session.Get("/staff/quality?year=2019-20");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Data quality, 2019-20", page);
        Assert.Contains("99-999-999", page);
        Assert.Contains("Rutland", page);
    }

    [SkippableFact]
    public async Task A_year_without_data_is_not_found_and_a_link_officer_is_forbidden()
    {
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var officer = await StaffSession.SignedIn(Site, StaffRole.LinkOfficer, council: "E06000017", email: "lee@rutland.example");

        var refused = await officer.Client.GetAsync("/staff/quality?year=2019-20");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.Get("/staff/quality?year=2030-31")).Status);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/forbidden", refused.Headers.Location!.PathAndQuery);
    }
}

public sealed class SqliteQualityPageTests() : QualityPageTests(DatabaseProvider.Sqlite);

public sealed class PostgresQualityPageTests() : QualityPageTests(DatabaseProvider.PostgreSql);
