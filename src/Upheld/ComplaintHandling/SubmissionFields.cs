using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.ComplaintHandling;

/// <summary>Who sends a council's submission, which decides what they may do.</summary>
public abstract record Submitter(Accounts.Actor Actor)
{
    /// <summary>A council's link officer: their own council only, only until the year is published, dated the day it is first received.</summary>
    public sealed record LinkOfficer(Accounts.Actor Actor, string CouncilCode) : Submitter(Actor);

    /// <summary>Ombudsman staff entering or correcting on a council's behalf: any council, after publication too (a revision), and may give the date received.</summary>
    public sealed record Staff(Accounts.Actor Actor) : Submitter(Actor);
}

/// <summary>The submission form's fields: each is a column of one row of the import files, named by stage or section.</summary>
/// <remarks>
/// The form becomes <c>complaint_returns.csv</c> (a row per stage) and <c>code_self_assessments.csv</c> (a row per section)
/// and is checked by the import, so each field is refused with the import's own message, said of the field.
/// </remarks>
public static class SubmissionFields
{
    public static readonly IReadOnlyList<int> Stages = [1, 2];

    /// <summary>The columns of a stage's return the form asks for, in the file's order.</summary>
    public static readonly IReadOnlyList<string> StageColumns = ["received", "responded", "responded_in_time", "upheld"];

    /// <summary>The columns of a section's row the form asks for, in the file's order.</summary>
    public static readonly IReadOnlyList<string> SectionColumns = ["follows", "evidence", "action", "target_date"];

    public const string AnnualReportUrl = "annual_report_url";
    public const string GovernanceResponseUrl = "governance_response_url";

    /// <summary>The day the submission was received: given by staff entering one on a council's behalf; a link officer's is the day it arrives.</summary>
    public const string ReceivedOn = "submitted_on";

    /// <summary>The two file inputs of an upload, named as the files without <c>.csv</c>.</summary>
    public const string ReturnsFile = "complaint_returns";
    public const string SelfAssessmentFile = "code_self_assessments";

    public static string Stage(int stage, string column) => $"stage{stage}_{column}";

    public static string Section(string section, string column) => $"section_{section}_{column}";

    /// <summary>Every field of the form, in its order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. Stages.SelectMany(s => StageColumns.Select(c => Stage(s, c))),
        .. CodeSections.Ids.SelectMany(id => SectionColumns.Select(c => Section(id, c))),
        AnnualReportUrl, GovernanceResponseUrl, ReceivedOn,
    ];

    /// <summary>How a message names the field: "Stage 1, responded to in time", "Section 6 stage 2, target date".</summary>
    public static string Label(string field)
    {
        foreach (var stage in Stages)
            foreach (var column in StageColumns)
                if (field == Stage(stage, column)) return $"Stage {stage}, {StageLabel(column)}";
        foreach (var section in CodeSections.All)
            foreach (var column in SectionColumns)
                if (field == Section(section.Id, column)) return $"{SectionName(section)}, {SectionLabel(column)}";
        return field switch
        {
            AnnualReportUrl => "Annual complaints report",
            GovernanceResponseUrl => "Governance response",
            ReceivedOn => "Date received",
            _ => field,
        };
    }

    /// <summary>The council's year as stored, field by field as the form shows it (numbers and dates as the import files write them).</summary>
    public static Dictionary<string, string?> Stored(DbConnection connection, string code, FinancialYear year)
    {
        var p = new { code, year = year.StartYear };
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var r in connection.Query("SELECT stage, received, responded, responded_in_time, upheld FROM complaint_returns WHERE authority_code = @code AND year = @year", p)
                     .Cast<IDictionary<string, object?>>())
        {
            var stage = Convert.ToInt32(r["stage"], CultureInfo.InvariantCulture);
            foreach (var column in StageColumns) values[Stage(stage, column)] = Convert.ToString(r[column], CultureInfo.InvariantCulture);
        }
        foreach (var r in connection.Query("SELECT section, follows, evidence, action, target_date, submitted_on FROM code_self_assessments WHERE authority_code = @code AND year = @year", p)
                     .Cast<IDictionary<string, object?>>())
        {
            foreach (var column in SectionColumns) values[Section((string)r["section"]!, column)] = r[column] as string;
            values[ReceivedOn] = r["submitted_on"] as string;
        }
        if (ComplaintSubmissions.Find(connection, code, year) is { } record)
        {
            values[AnnualReportUrl] = record.AnnualReportUrl;
            values[GovernanceResponseUrl] = record.GovernanceResponseUrl;
        }
        return values;
    }

    /// <summary>"Section 4", "Section 6 stage 1".</summary>
    public static string SectionName(CodeSection section) => "Section " + section.Id.Replace("-stage-", " stage ", StringComparison.Ordinal);

    public static string StageLabel(string column) => column switch
    {
        "received" => "complaints received",
        "responded" => "complaints responded to",
        "responded_in_time" => "responded to in time",
        _ => "complaints upheld",
    };

    public static string SectionLabel(string column) => column switch
    {
        "follows" => "follows the Code",
        "evidence" => "evidence",
        "action" => "action",
        _ => "target date",
    };
}
