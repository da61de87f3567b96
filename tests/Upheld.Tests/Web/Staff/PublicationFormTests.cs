using System.Net;
using Upheld.Publishing;
using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Tests.Web.Staff;

/// <summary>The publication form: a publisher sets a year's time; the public site follows at once, and the year appears when the time passes.</summary>
public abstract class PublicationFormTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private static Dictionary<string, string> At(string date, string time) => new() { ["year"] = "2019-20", ["date"] = date, ["time"] = time, ["action"] = "set" };

    [SkippableFact]
    public async Task A_time_set_on_the_form_hides_the_year_at_once_and_shows_it_when_it_passes()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher);
        Assert.Equal(HttpStatusCode.OK, (await Get("/years/2019-20")).Status); // seen, so the site keeps it

        var saved = await publisher.PostForm("/staff/publication", "/staff/publication", At("2020-08-10", "09:30"));
        var hidden = await Get("/years/2019-20");
        Site.Clock.Now = new DateTimeOffset(2020, 8, 10, 9, 29, 59, TimeSpan.Zero);
        var stillHidden = await Get("/years/2019-20");
        Site.Clock.Now = new DateTimeOffset(2020, 8, 10, 9, 30, 0, TimeSpan.Zero);
        var shown = await Get("/years/2019-20");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, stillHidden.Status);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        using var connection = Site.Database.Connect();
        Assert.Equal(new DateTimeOffset(2020, 8, 10, 9, 30, 0, TimeSpan.Zero), Publication.Schedule(connection)[new FinancialYear(2019)]);
        var entry = AuditLog.Latest(connection)[0];
        Assert.Equal("set publication time", entry.Action);
        Assert.Equal("""{"published_at":"2020-07-29T08:30:00Z"}""", entry.Before);
        Assert.Equal("""{"published_at":"2020-08-10T09:30:00Z"}""", entry.After);
    }

    [SkippableFact]
    public async Task Unpublishing_takes_the_year_off_the_site_at_once()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher);
        Assert.Equal(HttpStatusCode.OK, (await Get("/maps/2019-20/uphold/lower")).Status);

        await publisher.PostForm("/staff/publication", "/staff/publication", new() { ["year"] = "2019-20", ["action"] = "clear" });

        Assert.Equal(HttpStatusCode.NotFound, (await Get("/maps/2019-20/uphold/lower")).Status);
    }

    [SkippableFact]
    public async Task A_bad_time_is_refused_beside_its_field()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher);

        var response = await publisher.PostForm("/staff/publication", "/staff/publication", At("2020-08-10", "9.30am"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#time\">Enter the date as YYYY-MM-DD and the time as HH:MM (24-hour, UTC)</a>", page);
    }

    [SkippableFact]
    public async Task Moving_or_cancelling_an_announced_date_needs_a_reason_given_beside_its_field()
    {
        var publisher = await StaffSession.SignedIn(Site, StaffRole.Publisher);
        var announce = At("2030-08-10", "08:30");
        announce["announce"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await publisher.PostForm("/staff/publication", "/staff/publication", announce)).StatusCode);

        var move = await publisher.PostForm("/staff/publication", "/staff/publication", At("2030-08-17", "08:30"));
        var movePage = await move.Content.ReadAsStringAsync();
        var cancel = await publisher.PostForm("/staff/publication", "/staff/publication", new() { ["year"] = "2019-20", ["action"] = "clear", ["reason"] = " " });
        var cancelPage = await cancel.Content.ReadAsStringAsync();
        using (var connection = Site.Database.Connect())
        {
            Assert.Equal(new DateTimeOffset(2030, 8, 10, 8, 30, 0, TimeSpan.Zero), Publication.Schedule(connection)[new FinancialYear(2019)]);
            Assert.Equal(0, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM release_date_changes"));
        }
        var given = At("2030-08-17", "08:30");
        given["reason"] = "A council's letter needs another week";
        var moved = await publisher.PostForm("/staff/publication", "/staff/publication", given);
        var (_, page) = await publisher.Get("/staff/publication");

        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        // The GOV.UK error pattern: the summary links to the field, the message sits beside it, the field is marked.
        Assert.Contains("<a href=\"#reason\">The release of 2019-20 is on the public calendar: give the reason for moving its date</a>", movePage);
        Assert.Contains("<p id=\"reason-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The release of 2019-20 is on the public calendar: give the reason for moving its date</p>", movePage);
        Assert.Contains("govuk-textarea govuk-textarea--error", movePage);
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Contains("<a href=\"#reason\">The release of 2019-20 is on the public calendar: give the reason for cancelling it</a>", cancelPage);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        // 08:30 UTC in August is 9:30am in the UK (BST).
        Assert.Contains("Announced for 17 August 2030, 9:30am (UK time)", page);
        Assert.Contains("A council&#x27;s letter needs another week", (await Get("/releases")).Body);
    }

    [SkippableFact]
    public async Task Staff_who_are_not_publishers_see_the_schedule_but_cannot_change_it()
    {
        var staff = await StaffSession.SignedIn(Site, StaffRole.Staff);
        var (_, page) = await staff.Get("/staff/publication");
        var token = StaffSession.TokenOf(page, "/staff/sign-out");

        var response = await staff.Client.PostAsync("/staff/publication", new FormUrlEncodedContent(At("2030-01-01", "00:00").Append(new("__RequestVerificationToken", token))));

        Assert.Contains("2020-07-29 08:30 UTC", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await Get("/years/2019-20")).Status);
    }
}

public sealed class SqlitePublicationFormTests() : PublicationFormTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicationFormTests() : PublicationFormTests(DatabaseProvider.PostgreSql);
