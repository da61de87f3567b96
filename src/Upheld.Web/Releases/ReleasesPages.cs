using System.Globalization;
using System.Text.Json;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Upheld.Publishing;
using Upheld.Web.Api;

namespace Upheld.Web.Releases;

/// <summary>
/// The release calendar (<c>/releases</c>, its JSON and iCalendar feed) and a page per published release
/// (docs/site-and-api.md, "Release calendar"). A year not yet public shows only its year and announced date, and only
/// once announced; its release page answers as an unknown year's.
/// </summary>
public static class ReleasesPages
{
    public const string CalendarHref = "/releases";
    public const string FeedHref = "/releases.ics";
    public const string JsonHref = "/api/v1/releases.json";

    public static string ReleaseHref(FinancialYear year) => $"/releases/{year}";

    public static void MapReleases(this IEndpointRouteBuilder app)
    {
        app.MapGet(CalendarHref, (SiteData data) =>
            Answers.Page<ReleasesPage, ReleasesPageModel>(new(data.Releases(), data.IsDemonstration, data.LatestYear()?.PublishedAt)));

        app.MapGet("/releases/{year}", (string year, SiteData data) =>
            FinancialYear.TryParse(year, out var y) && data.ReleaseOf(y.Value) is { } release && data.Versions(y.Value) is { } versions
                ? Answers.Page<ReleasePage, ReleasePageModel>(new(release, Accessors(release, data), versions, data.IsDemonstration))
                : Answers.NotFound());

        app.MapGet(FeedHref, (SiteData data) => Results.Bytes(Feed(data.Releases()), "text/calendar; charset=utf-8"));

        var api = app.MapGroup("/api/v1").AddEndpointFilter(OpenDataApi.WithLicence);
        api.MapGet("/releases", (SiteData data) => Json(data.Releases()))
            .WithName("Releases").WithSummary("The release calendar: every announced, published and cancelled release, newest year first, with the history of its date. A year not yet public appears only once its date is announced, with its year and date alone.");
        api.MapGet("/releases.json", (SiteData data) => Json(data.Releases()))
            .WithName("ReleasesFile").WithSummary("The same as /api/v1/releases, as a file name.");
    }

    /// <summary>How the release of a year is named on the calendar, in the feed and on its page.</summary>
    public static string Title(FinancialYear year) => $"Council complaint statistics {year}";

    private static IReadOnlyList<ReleaseAccessRow> Accessors(ReleaseRecord release, SiteData data) =>
        release.PreReleaseAccess.Select(a => a.CouncilCode is { } code
                ? new ReleaseAccessRow(data.Authority(code)?.OfficialName ?? code, "Link officers", a.AccessBegan)
                : new ReleaseAccessRow("The ombudsman", a.Role switch
                {
                    Upheld.Accounts.StaffRole.Publisher => "Publishers (who approve letters and set publication times)",
                    Upheld.Accounts.StaffRole.Staff => "Staff",
                    _ => "An account removed before roles were recorded",
                }, a.AccessBegan))
            .ToList();

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string StatusName(ReleaseStatus status) => status.ToString().ToLowerInvariant();

    private static IResult Json(IReadOnlyList<Release> releases)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var r in releases)
            {
                w.WriteStartObject();
                w.WriteString("year", r.Year.ToString());
                w.WriteString("publish_at", Iso(r.PublishAt));
                w.WriteString("status", StatusName(r.Status));
                if (r.AnnouncedOn is { } announced) w.WriteString("announced_on", Iso(announced)); else w.WriteNull("announced_on");
                w.WriteStartArray("changes");
                foreach (var c in r.Changes)
                {
                    w.WriteStartObject();
                    if (c.From is { } from) w.WriteString("from", Iso(from)); else w.WriteNull("from");
                    if (c.To is { } to) w.WriteString("to", Iso(to)); else w.WriteNull("to");
                    w.WriteString("reason", c.Reason);
                    w.WriteString("on", Iso(c.On));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    /// <summary>
    /// The calendar as iCalendar (RFC 5545): one event per release at its moment, cancelled ones marked so. Each event keeps its
    /// UID for good and counts its date's changes in SEQUENCE, so a calendar that subscribed moves or cancels it; DTSTAMP is the
    /// last change, not the moment of the request, so the feed is the same until the calendar changes.
    /// </summary>
    private static byte[] Feed(IReadOnlyList<Release> releases)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Upheld//Release calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Council complaint statistics: release calendar");
        foreach (var r in releases.OrderBy(r => r.Year))
        {
            var lastChange = r.Changes.Count > 0 ? r.Changes[^1].On : r.AnnouncedOn ?? r.PublishAt;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"release-{r.Year}@upheld",
                Summary = $"{Title(r.Year)}{(r.Status == ReleaseStatus.Cancelled ? " (cancelled)" : "")}",
                Description = Describe(r),
                DtStart = new CalDateTime(r.PublishAt.UtcDateTime, CalDateTime.UtcTzId),
                DtStamp = new CalDateTime(lastChange.UtcDateTime, CalDateTime.UtcTzId),
                Sequence = r.Changes.Count,
                Status = r.Status == ReleaseStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Transparency = TransparencyType.Transparent,
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    private static string Describe(Release r)
    {
        var lines = new List<string>
        {
            r.Status switch
            {
                ReleaseStatus.Published => $"Published {UkTime.Written(r.PublishAt)} (UK time).",
                ReleaseStatus.Cancelled => $"Cancelled; it was to be published {UkTime.Written(r.PublishAt)} (UK time).",
                _ => $"To be published {UkTime.Written(r.PublishAt)} (UK time).",
            },
        };
        lines.AddRange(r.Changes.Select(ReleaseWords.Change));
        return string.Join("\n", lines);
    }
}

/// <summary>Words for the calendar's history, alike on the pages and in the feed.</summary>
public static class ReleaseWords
{
    /// <summary>"On 2 June 2021: moved from 28 July 2021, 9:30am to 4 August 2021, 9:30am. Reason: …"</summary>
    public static string Change(ReleaseDateChange c)
    {
        var what = (c.From, c.To) switch
        {
            ({ } from, { } to) => $"moved from {UkTime.Written(from)} to {UkTime.Written(to)}",
            ({ } from, null) => $"cancelled (it was to be published {UkTime.Written(from)})",
            (null, { } to) => $"announced again for {UkTime.Written(to)}",
            _ => "changed",
        };
        return $"On {UkTime.Of(c.On).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {what}. {(c.Reason is { } reason ? $"Reason: {reason}" : "No reason given.")}";
    }
}
