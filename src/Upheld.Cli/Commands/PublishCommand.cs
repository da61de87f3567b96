using System.CommandLine;
using System.Globalization;
using Upheld.Publishing;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld publish --year Y (--at ISO-8601 | --now | --withdraw)</c>: sets when a year becomes public.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var at = new Option<string?>("--at") { Description = "When the year becomes public, ISO-8601 (2020-07-29T00:00:00Z); may be past or future" };
        var now = new Option<bool>("--now") { Description = "Make the year public now" };
        var withdraw = new Option<bool>("--withdraw") { Description = "Make the year unpublished again" };
        var command = new Command("publish", "Set when a year becomes public") { year, at, now, withdraw };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var atText = parse.GetValue(at);
            var chosen = (atText is null ? 0 : 1) + (parse.GetValue(now) ? 1 : 0) + (parse.GetValue(withdraw) ? 1 : 0);
            if (chosen != 1) return CommonOptions.Fail("publish: give exactly one of --at TIME, --now or --withdraw");
            DateTimeOffset? when = null;
            if (atText is not null)
            {
                if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    return CommonOptions.Fail($"--at: '{atText}' is not an ISO-8601 time such as 2020-07-29T09:30:00Z");
                when = parsed;
            }
            else if (parse.GetValue(now)) when = TimeProvider.System.GetUtcNow();
            var database = CommonOptions.OpenDatabase(parse);
            SetPublication.Run(database, financialYear, when, CommonOptions.Actor, TimeProvider.System);
            Console.WriteLine(when is { } t
                ? $"{financialYear} is public from {t.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC."
                : $"{financialYear} is unpublished.");
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
