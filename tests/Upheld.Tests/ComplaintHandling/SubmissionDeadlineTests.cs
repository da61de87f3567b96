using System.Globalization;
using System.Net;
using Upheld.Accounts;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Letters.Mail;
using Upheld.Tests.UseCases;
using Upheld.Tests.Web.Staff;

namespace Upheld.Tests.ComplaintHandling;

/// <summary>
/// <c>upheld complaint-handling deadline</c> and <c>remind</c> and the staff submissions page's deadline form and reminder
/// button are one use case each: the same rows and audit entries; a deadline after publication is refused in the same words;
/// reminders go, once, only to the link officers of councils that have not submitted (through the SMTP sink).
/// </summary>
public abstract class SubmissionDeadlineTests(DatabaseProvider provider)
{
    private const string Rutland = "E06000017", Worcestershire = "E10000034", From = "complaints@ombudsman.example";

    [SkippableFact]
    public async Task The_command_line_and_the_staff_area_set_the_deadline_and_send_the_reminders_alike()
    {
        var sink = SmtpSink.Require();
        var server = $"{sink.Host}:{sink.Port}";
        await using var ends = new FrontEnds(provider, new Dictionary<string, string?> { ["UPHELD_SMTP"] = server, ["UPHELD_SMTP_FROM"] = From });
        // The command line reads the system clock: the site reads the same moment, and the year just ended has its deadline in five days.
        var now = DateTimeOffset.UtcNow;
        ends.ThroughSite.Clock.Now = now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = new FinancialYear(FinancialYear.Containing(today).StartYear - 1).ToString();
        var deadline = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rutlandOfficer = $"lo-{Guid.NewGuid():N}@rutland.example";
        var worcestershireOfficer = $"lo-{Guid.NewGuid():N}@worcestershire.example";
        foreach (var host in new[] { ends.ThroughCli, ends.ThroughSite })
        {
            StaffSession.AddAccount(host, rutlandOfficer, StaffRole.LinkOfficer, Rutland);
            StaffSession.AddAccount(host, worcestershireOfficer, StaffRole.LinkOfficer, Worcestershire);
            // Worcestershire has submitted its figures: it is not reminded.
            using var folder = new ImportFolder().With("complaint_returns.csv", "authority_code,year,stage,received,responded,responded_in_time,upheld",
                $"{Worcestershire},{year},1,412,398,333,141", $"{Worcestershire},{year},2,61,58,49,12");
            Assert.True(ImportData.Folder(host.Database, folder.Path, false, new Actor("setup"), host.Clock).Succeeded);
        }
        var publisher = await StaffSession.SignedIn(ends.ThroughSite, StaffRole.Publisher);

        // 2019-20 is published at 08:30 UTC on 29 July 2020: its deadline must fall on the day before or earlier.
        var cliRefused = ends.Cli("complaint-handling", "deadline", "--year", "2019-20", "--date", "2020-07-29");
        var siteRefused = await publisher.PostForm("/staff/complaint-handling/2019-20", "/staff/complaint-handling/2019-20/deadline", new() { ["date"] = "2020-07-29" });
        const string tooLate = "he deadline must fall before 2019-20's publication time, 2020-07-29 08:30 UTC: choose 28 July 2020 or earlier";
        Assert.Equal((1, $"--date: t{tooLate}\n"), (cliRefused.ExitCode, cliRefused.Errors));
        Assert.Equal(HttpStatusCode.BadRequest, siteRefused.StatusCode);
        Assert.Contains($"<a href=\"#date\">T{tooLate}</a>", WebUtility.HtmlDecode(await siteRefused.Content.ReadAsStringAsync()));

        var cli = ends.Cli("complaint-handling", "deadline", "--year", year, "--date", deadline, "--remind-days", "10");
        var site = await publisher.PostForm($"/staff/complaint-handling/{year}", $"/staff/complaint-handling/{year}/deadline", new() { ["date"] = deadline, ["reminder_days"] = "10" });

        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal($"{year}: submissions due by {deadline}; reminders from {today.AddDays(-5):yyyy-MM-dd}, 10 days before\n", cli.Output);
        Assert.Equal($"/staff/complaint-handling/{year}?saved=true", site.Headers.Location!.OriginalString);
        var deadlines = ends.Rows("SELECT year, deadline, reminder_days FROM complaint_handling_deadlines");
        Assert.Equal([$"{year[..4]} | {deadline} | 10"], deadlines.Site);
        Assert.Equal(deadlines.Cli, deadlines.Site);
        var audit = ends.Rows(FrontEnds.LatestAudit);
        Assert.Equal([$$"""set complaint-handling deadline | complaint handling {{year}} |  | {"deadline":"{{deadline}}","reminder_days":10}"""], audit.Site);
        Assert.Equal(audit.Cli, audit.Site);

        var cliRemind = ends.Cli("complaint-handling", "remind", "--year", year, "--smtp", server, "--from", From);
        var siteRemind = await publisher.PostForm($"/staff/complaint-handling/{year}", $"/staff/complaint-handling/{year}/reminders", new());
        var again = ends.Cli("complaint-handling", "remind", "--year", year, "--smtp", server, "--from", From);

        Assert.True(cliRemind.ExitCode == 0, cliRemind.Output + cliRemind.Errors);
        Assert.Matches($@"^{year}: 1 reminded, 0 reminded before, \d+ without a link officer, 0 failed\n$", cliRemind.Output);
        Assert.Matches($@"^{year}: 0 reminded, 1 reminded before, \d+ without a link officer, 0 failed\n$", again.Output);
        Assert.Equal($"/staff/complaint-handling/{year}?reminded=true", siteRemind.Headers.Location!.OriginalString);
        static bool Whole(MimeKit.MimeMessage m) => m.TextBody?.Contains("Upheld, for the ombudsman's staff", StringComparison.Ordinal) == true;
        var messages = sink.MessagesTo(rutlandOfficer, 2, Whole);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal($"Complaint handling {year}: Rutland's submission is due by {today.AddDays(5):d MMMM yyyy}", m.Message.Subject));
        Assert.Empty(sink.MessagesTo(worcestershireOfficer, 0, Whole));
        var reminders = ends.Rows("SELECT year, authority_code, recipients, sent_at IS NOT NULL, attempts, last_error FROM complaint_handling_reminders");
        Assert.Single(reminders.Site);
        Assert.StartsWith($"{year[..4]} | {Rutland} | {rutlandOfficer} | ", reminders.Site.Single());
        Assert.Equal(reminders.Cli, reminders.Site);
        var reminded = ends.Rows("SELECT action, entity, before_json, after_json FROM audit_log WHERE action = 'send complaint-handling reminders'");
        Assert.StartsWith($$"""send complaint-handling reminders | complaint handling {{year}} |  | {"server":"{{server}}","sent":["{{Rutland}}"],""", reminded.Site.Single());
        // The second run reminded no one: it leaves no entry, as a daily run outside the window leaves none.
        Assert.Equal(reminded.Cli, reminded.Site);
    }
}

public sealed class SqliteSubmissionDeadlineTests() : SubmissionDeadlineTests(DatabaseProvider.Sqlite);

public sealed class PostgresSubmissionDeadlineTests() : SubmissionDeadlineTests(DatabaseProvider.PostgreSql);
