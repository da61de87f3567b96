using System.CommandLine;
using System.Globalization;
using Upheld.Publishing;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld publish --year Y (--at ISO-8601 | --now | --withdraw) [--announce] [--reason TEXT]</c>: sets when a year becomes public, and its date on the release calendar.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var at = new Option<string?>("--at") { Description = "When the year becomes public, ISO-8601 (2020-07-29T00:00:00Z); may be past or future" };
        var now = new Option<bool>("--now") { Description = "Make the year public now" };
        var withdraw = new Option<bool>("--withdraw") { Description = "Make the year unpublished again (an announced release is cancelled on the calendar)" };
        var announce = new Option<bool>("--announce") { Description = "Also put the date on the public release calendar (/releases): the year and date only, nothing else of the year" };
        var reason = new Option<string?>("--reason") { Description = "Why an announced date moves or is cancelled: kept in the calendar's history" };
        var command = new Command("publish", "Set when a year becomes public") { year, at, now, withdraw, announce, reason };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var atText = parse.GetValue(at);
            var chosen = (atText is null ? 0 : 1) + (parse.GetValue(now) ? 1 : 0) + (parse.GetValue(withdraw) ? 1 : 0);
            if (chosen != 1) return CommonOptions.Fail("publish: give exactly one of --at TIME, --now or --withdraw");
            if (parse.GetValue(announce) && parse.GetValue(withdraw))
                return CommonOptions.Fail("publish: --announce puts a date on the release calendar; to cancel an announced release, give --withdraw alone");
            DateTimeOffset? when = null;
            if (atText is not null)
            {
                if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    return CommonOptions.Fail($"--at: '{atText}' is not an ISO-8601 time such as 2020-07-29T09:30:00Z");
                when = parsed;
            }
            else if (parse.GetValue(now)) when = TimeProvider.System.GetUtcNow();
            var database = CommonOptions.OpenDatabase(parse);
            var why = parse.GetValue(reason) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
            var set = SetPublication.Run(database, financialYear, when, CommonOptions.Actor, TimeProvider.System, new ReleaseNote(parse.GetValue(announce), why));
            Console.WriteLine(when is { } t
                ? $"{financialYear} is public from {t.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC."
                : $"{financialYear} is unpublished.");
            switch (set.Calendar)
            {
                case CalendarChange.Announced:
                    Console.WriteLine($"Announced on the release calendar: {financialYear}, {UkTime.Written(when!.Value)} (UK time).");
                    break;
                case CalendarChange.Moved:
                    Console.WriteLine($"The announced release date moved to {UkTime.Written(when!.Value)} (UK time){(why is null ? ", no reason given" : "")}; the calendar keeps the change.");
                    break;
                case CalendarChange.Cancelled:
                    Console.WriteLine($"The announced release is cancelled{(why is null ? ", no reason given" : "")}; the calendar keeps the change.");
                    break;
            }
            if (when is not null)
            {
                using var connection = database.Connect();
                var figures = PublishedFigures.ForYear(connection, financialYear);
                var letters = PublishedFigures.Letters(connection, financialYear).Count;
                if (figures.Count > 0)
                    Console.WriteLine($"Kept as published (taken {figures.Values.Max(f => f.TakenAt):yyyy-MM-dd HH:mm:ss} UTC): {figures.Count:N0} councils' figures and {letters:N0} approved {(letters == 1 ? "letter" : "letters")}.");
            }
            return 0;
        });
        return command;
    }
}
