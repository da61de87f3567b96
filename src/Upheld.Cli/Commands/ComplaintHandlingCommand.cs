using System.CommandLine;
using Spectre.Console;
using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Documents;
using Upheld.Statistics;

namespace Upheld.Cli.Commands;

/// <summary><c>upheld complaint-handling --year Y [--authority CODE] [--format json|csv|table]</c>, and its <c>deadline</c> and <c>remind</c> (docs/operations.md).</summary>
internal static class ComplaintHandlingCommand
{
    public static Command Create()
    {
        var year = CommonOptions.Year();
        var authority = new Option<string?>("--authority") { Description = "Only this authority's ONS code (averages still use every authority of its type)" };
        var format = new Option<string>("--format") { Description = "json, csv or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("complaint-handling",
            "Print every council's own complaint figures and Complaint Handling Code self-assessment for a year, beside the ombudsman's") { year, authority, format };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var financialYear)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            if (!CommonOptions.HasCouncils(database, financialYear)) return 1;
            var results = ComplaintHandlingEngine.Compute(ComplaintHandlingQuery.ForYear(database, financialYear));
            var code = parse.GetValue(authority);
            if (code is not null)
            {
                results = results.Where(r => r.Code == code).ToList();
                if (results.Count == 0) return CommonOptions.Fail($"--authority: {code} is not an authority that existed in {financialYear}");
            }
            using var output = Console.OpenStandardOutput();
            switch (parse.GetValue(format))
            {
                case "json": ComplaintHandlingJson.Write(output, results); break;
                case "csv": output.Write(ComplaintHandlingCsv.Bytes(results)); break;
                default: Table(results); break;
            }
            return 0;
        });
        command.Subcommands.Add(Deadline());
        command.Subcommands.Add(Remind());
        return command;
    }

    /// <summary><c>upheld complaint-handling deadline --year Y --date YYYY-MM-DD [--remind-days N]</c>: the year's submission deadline.</summary>
    private static Command Deadline()
    {
        var year = CommonOptions.Year();
        var date = new Option<string>("--date") { Description = "The last day a submission is on time, YYYY-MM-DD; before the year's publication time when one is set", Required = true };
        var remind = new Option<string?>("--remind-days")
        {
            Description = $"Remind the link officers of councils that have not submitted this many days before the deadline (1 to {SetSubmissionDeadline.MostReminderDays}); without it, no reminders",
        };
        var reason = new Option<string?>("--reason") { Description = "Why: recorded with the new version of a published year whose late self-assessments the deadline changes" };
        var correction = new Option<bool>("--correction") { Description = "The change corrects an error (without it, a change to a published year is a revision)" };
        var command = new Command("deadline", "Set a year's deadline for councils' complaint-handling submissions, and when reminders start")
            { year, date, remind, reason, correction };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            var database = CommonOptions.OpenDatabase(parse);
            var why = parse.GetValue(reason) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
            var note = why is null && !parse.GetValue(correction) ? null : new Upheld.Publishing.RevisionNote(why, parse.GetValue(correction));
            var result = SetSubmissionDeadline.Run(database, y, parse.GetValue(date), parse.GetValue(remind), CommonOptions.Actor, TimeProvider.System, note);
            foreach (var (field, message) in result.Problems) Console.Error.WriteLine($"{(field == "date" ? "--date" : "--remind-days")}: {message}");
            if (!result.Succeeded) return 1;
            var d = result.After!;
            Console.WriteLine($"{y}: submissions due by {d.Date:yyyy-MM-dd}" +
                (d.RemindFrom is { } from ? $"; reminders from {from:yyyy-MM-dd}, {d.ReminderDays} days before" : "; no reminders") +
                (result.Before == result.After ? " (unchanged)" : ""));
            return 0;
        });
        return command;
    }

    /// <summary><c>upheld complaint-handling remind --year Y [--smtp host:port] [--from ADDRESS]</c>: the reminders due today, run daily.</summary>
    private static Command Remind()
    {
        var year = CommonOptions.Year();
        var smtp = new Option<string?>("--smtp") { Description = $"The SMTP server, host:port (default: {MailConfiguration.Server})" };
        var from = new Option<string?>("--from") { Description = $"The sender's address (default: {MailConfiguration.From}, else {MailConfiguration.DefaultFrom})" };
        var command = new Command("remind",
            "E-mail the link officers of councils that have not submitted, once, when reminders are due (run it daily); each reminder is recorded") { year, smtp, from };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryYear(parse.GetValue(year)!, out var y)) return 1;
            var settings = MailConfiguration.Read(Environment.GetEnvironmentVariable, out var problem,
                parse.GetValue(smtp) is { } server ? ("--smtp", server) : null, parse.GetValue(from) is { } sender ? ("--from", sender) : null);
            if (problem is not null) return CommonOptions.Fail(problem);
            if (settings is null) return CommonOptions.Fail($"complaint-handling remind: no SMTP server: give --smtp HOST:PORT or set {MailConfiguration.Server}");
            var database = CommonOptions.OpenDatabase(parse);
            var mail = new ReminderMail(database, settings, new Upheld.Accounts.StaffLinkOfficers(database), TimeProvider.System);
            var summary = mail.SendYearAsync(y).GetAwaiter().GetResult();
            if (summary is null) return CommonOptions.Fail($"complaint-handling remind: {y} has no submission deadline: set one with complaint-handling deadline");
            if (summary.NotDue is { } reason)
            {
                Console.WriteLine($"{y}: nothing sent: {reason}");
                return 0;
            }
            ReminderMail.Audit(database, TimeProvider.System, CommonOptions.Actor, y, settings, summary);
            Console.WriteLine($"{y}: {summary.Sent.Count:N0} reminded, {summary.AlreadyReminded.Count:N0} reminded before, " +
                $"{summary.WithoutLinkOfficer.Count:N0} without a link officer, {summary.Failed.Count:N0} failed");
            foreach (var f in summary.Failed)
                Console.Error.WriteLine($"{f.Code} {f.Name}: not sent after {f.Attempts} {(f.Attempts == 1 ? "attempt" : "attempts")}: {f.Error}");
            return summary.Failed.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Table(IReadOnlyList<ComplaintHandlingFigures> results)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Code", "Authority", "Type", "S1 received", "S1 in time", "Average", "S1 upheld", "S1 per 10k",
            "S2 responded", "S2 in time", "Average", "S2 upheld", "Ombudsman per 100 S2", "Self-assessment");
        foreach (var column in table.Columns.Skip(3)) column.RightAligned();
        foreach (var r in results)
        {
            table.AddRow(
                new Text(r.Code), new Text(r.Name), new Text(r.Type.DisplayName()),
                new Text(r.Counts.Stage1?.Received.ToString("N0") ?? "–"),
                Cell(r.Stage1InTime), new Text(r.Stage1InTime.Average.Text ?? "–"), Cell(r.Stage1Upheld),
                new Text(r.Stage1Per10k.Text ?? "–"),
                new Text(r.Counts.Stage2?.Responded.ToString("N0") ?? "–"),
                Cell(r.Stage2InTime), new Text(r.Stage2InTime.Average.Text ?? "–"), Cell(r.Stage2Upheld),
                new Text(r.OmbudsmanPer100Stage2.Text ?? "–"),
                new Text(r.Counts.SelfAssessment is { } a ? $"{a.Follows} of {a.Rows.Count} followed" : "–"));
        }
        console.Write(table);
        if (results.Count > 0)
        {
            console.MarkupLine($"[grey]{results[0].Year}, {results.Count} councils; – is no return (or nothing responded); averages for similar councils are pooled; " +
                "[red]red[/] is higher than the average and [blue]blue[/] lower, where the 95% interval excludes it. " +
                "Ombudsman per 100 S2 is a ratio, not a rate: it can exceed 100.[/]");
        }
    }

    private static Text Cell(Statistic statistic) => new(statistic.Value.Text ?? "–", statistic.Comparison switch
    {
        Comparison.Higher => new Style(Color.Red),
        Comparison.Lower => new Style(Color.Blue),
        _ => Style.Plain,
    });
}
