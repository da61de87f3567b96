using System.Globalization;
using System.Text.Json;
using Dapper;
using Upheld.Authorities;
using Upheld.Csv;
using Upheld.Import;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.ComplaintHandling;

/// <summary>What became of a submission.</summary>
public enum SubmissionOutcome
{
    /// <summary>The council's first submission of the year is stored.</summary>
    Submitted,

    /// <summary>A stored submission is corrected, or sent again unchanged to answer an open query.</summary>
    Corrected,

    /// <summary>The same as stored, with no query to answer: nothing written.</summary>
    Unchanged,

    /// <summary>Refused with problems; nothing written.</summary>
    Refused,

    /// <summary>No such council in the year, or not the link officer's own: answered as if it did not exist.</summary>
    UnknownCouncil,

    /// <summary>A link officer's submission after the year's publication time: a correction now goes through ombudsman staff.</summary>
    YearPublished,
}

/// <summary>A problem with one field (a form field, or a file input for an upload), or with the whole submission (field "").</summary>
public sealed record SubmissionProblem(string Field, string Message);

/// <summary>What a submission did: its outcome, its problems, the day it counts as received and whether that is after the deadline.</summary>
public sealed record SubmissionResult(SubmissionOutcome Outcome, IReadOnlyList<SubmissionProblem> Problems, DateOnly? ReceivedOn = null, bool Late = false)
{
    public bool Saved => Outcome is SubmissionOutcome.Submitted or SubmissionOutcome.Corrected or SubmissionOutcome.Unchanged;
}

/// <summary>
/// A council's complaint returns (stages 1 and 2) and self-assessment (every section of the Code) for a year, sent by its
/// link officer or entered by ombudsman staff on its behalf: from the staff area's form, or as the two import files.
/// </summary>
/// <remarks>
/// <para>Both ways become the import's files and go through the import itself, so a submission is accepted and refused
/// exactly as an import is, with its messages; a submission is always whole (both stages, every section) and replaces what
/// was stored for the council's year. The rows, the submission's record (links, who sent it, a query answered), the audit
/// entry and the year's snapshot commit together or not at all.</para>
/// <para>The day a submission is received is the day it first arrives (kept by later corrections, so that answering a query
/// after the deadline does not make a submission late); staff entering one on a council's behalf may give the day the
/// council sent it. It is the self-assessment's <c>submitted_on</c>, which decides lateness against the year's deadline.</para>
/// <para>Another council's submission, for a link officer, is answered exactly as a council that does not exist.</para>
/// </remarks>
public static class SubmitComplaintHandling
{
    private const int LongestUrl = 500;

    private static readonly string[] ReturnsHeader = ["authority_code", "year", "stage", "received", "responded", "responded_in_time", "upheld"];
    private static readonly string[] AssessmentHeader = ["authority_code", "year", "section", "follows", "evidence", "action", "target_date", "submitted_on"];

    /// <summary>The staff area's form: field (see <see cref="SubmissionFields"/>) to the value typed.</summary>
    /// <param name="note">Why, and whether it corrects an error, for staff changing a published year (its new version carries it).</param>
    /// <exception cref="RevisionReasonMissing">The change revises a published year and <paramref name="note"/> requires a reason it lacks; nothing is changed.</exception>
    public static SubmissionResult Form(Database database, string code, FinancialYear year, IReadOnlyDictionary<string, string?> fields, Submitter who, TimeProvider clock,
        RevisionNote? note = null)
    {
        using var change = Importer.Begin(database, who.Actor, clock);
        change.Note = note;
        if (Refusal(change, code, year, who) is { } refused) return refused;
        var stored = StoredSubmission.Read(change, code, year);
        var problems = new List<SubmissionProblem>();
        var receivedOn = ReceivedOn(change, who, stored, fields.GetValueOrDefault(SubmissionFields.ReceivedOn), problems);
        var annualReport = Url(fields, SubmissionFields.AnnualReportUrl, problems);
        var governance = Url(fields, SubmissionFields.GovernanceResponseUrl, problems);

        string Value(string field) => fields.GetValueOrDefault(field)?.Trim() ?? "";
        var returns = CsvWriter.BuildImportFile(ReturnsHeader, SubmissionFields.Stages.Select(stage => (IReadOnlyList<string?>)
            [code, year.ToString(), stage.ToString(CultureInfo.InvariantCulture), .. SubmissionFields.StageColumns.Select(c => Value(SubmissionFields.Stage(stage, c)))]));
        var assessments = CsvWriter.BuildImportFile(AssessmentHeader, CodeSections.Ids.Select(id => (IReadOnlyList<string?>)
            [code, year.ToString(), id, .. SubmissionFields.SectionColumns.Select(c => Value(SubmissionFields.Section(id, c))), Iso(receivedOn ?? stored.ReceivedOn ?? Today(change))]));

        // A problem names a line of the file the form became; the line says which stage or section, the column which field.
        var stageOfLine = LinesOf(returns).Zip(SubmissionFields.Stages).ToDictionary(x => x.First, x => x.Second);
        var sectionOfLine = LinesOf(assessments).Zip(CodeSections.Ids).ToDictionary(x => x.First, x => x.Second);
        SubmissionProblem Beside(ImportProblem p)
        {
            var field = p.File == "complaint_returns.csv" && stageOfLine.TryGetValue(p.Line, out var stage) && p.Column is { } c1 && SubmissionFields.StageColumns.Contains(c1)
                ? SubmissionFields.Stage(stage, c1)
                : p.File == "code_self_assessments.csv" && sectionOfLine.TryGetValue(p.Line, out var section) && p.Column is { } c2 && SubmissionFields.SectionColumns.Contains(c2)
                    ? SubmissionFields.Section(section, c2)
                    : p.Column == "submitted_on" && who is Submitter.Staff ? SubmissionFields.ReceivedOn : "";
            return new SubmissionProblem(field, field.Length == 0 ? Sentence(p.Reason) : $"{SubmissionFields.Label(field)}: {p.Reason}");
        }

        return Save(change, code, year, who, stored, returns, assessments, annualReport, governance, problems, Beside);
    }

    /// <summary>An upload of <c>complaint_returns.csv</c> and <c>code_self_assessments.csv</c> holding this council's year and nothing else; the links stay as stored.</summary>
    /// <remarks>
    /// The files' <c>submitted_on</c> is the day the submission is received: for a link officer the day it first arrives (the
    /// page says which), for staff the day the council sent it.
    /// </remarks>
    public static SubmissionResult Files(Database database, string code, FinancialYear year, byte[]? returnsCsv, byte[]? assessmentsCsv, Submitter who, TimeProvider clock,
        RevisionNote? note = null)
    {
        using var change = Importer.Begin(database, who.Actor, clock);
        change.Note = note;
        if (Refusal(change, code, year, who) is { } refused) return refused;
        var stored = StoredSubmission.Read(change, code, year);
        var problems = new List<SubmissionProblem>();
        if (returnsCsv is not { Length: > 0 }) problems.Add(new(SubmissionFields.ReturnsFile, "Choose the file complaint_returns.csv"));
        if (assessmentsCsv is not { Length: > 0 }) problems.Add(new(SubmissionFields.SelfAssessmentFile, "Choose the file code_self_assessments.csv"));
        if (problems.Count > 0) return new SubmissionResult(SubmissionOutcome.Refused, problems);

        var onlyThis = new ImportProblems();
        var receivedOn = who is Submitter.LinkOfficer ? stored.ReceivedOn ?? Today(change) : (DateOnly?)null;
        OnlyThisCouncilYear("complaint_returns.csv", returnsCsv!, code, year, "stage", SubmissionFields.Stages.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToList(), null, onlyThis);
        OnlyThisCouncilYear("code_self_assessments.csv", assessmentsCsv!, code, year, "section", CodeSections.Ids, receivedOn, onlyThis);
        static SubmissionProblem Of(ImportProblem p) => new(p.File == "complaint_returns.csv" ? SubmissionFields.ReturnsFile : SubmissionFields.SelfAssessmentFile,
            p.Column is null ? $"{p.File} line {p.Line}: {p.Reason}" : $"{p.File} line {p.Line}, column {p.Column}: {p.Reason}");
        if (onlyThis.Any)
            return new SubmissionResult(SubmissionOutcome.Refused, [.. onlyThis.Details.Select(Of), .. FolderProblems(onlyThis)]);

        return Save(change, code, year, who, stored, returnsCsv!, assessmentsCsv!, stored.Record?.AnnualReportUrl, stored.Record?.GovernanceResponseUrl, problems, Of);
    }

    /// <summary>The answer for a council the submitter may not see (as for one that does not exist), or for a link officer after publication.</summary>
    private static SubmissionResult? Refusal(Change change, string code, FinancialYear year, Submitter who)
    {
        var council = AuthorityStore.All(change.Connection, change.Transaction).FirstOrDefault(a => a.Code == code);
        if (council is null || !council.ExistsIn(year) || (who is Submitter.LinkOfficer officer && officer.CouncilCode != code))
            return new SubmissionResult(SubmissionOutcome.UnknownCouncil, []);
        if (who is Submitter.LinkOfficer && Publication.IsVisible(change.Connection, year, new Audience.Public(change.Now), change.Transaction))
            return new SubmissionResult(SubmissionOutcome.YearPublished,
                [new("", $"{year} is published: a correction now goes through the ombudsman's staff, and is shown as a revision of the published figures")]);
        return null;
    }

    private static SubmissionResult Save(Change change, string code, FinancialYear year, Submitter who, StoredSubmission before, byte[] returns, byte[] assessments,
        string? annualReport, string? governance, List<SubmissionProblem> problems, Func<ImportProblem, SubmissionProblem> beside)
    {
        var import = new ImportProblems();
        var result = Importer.Run(change, [("complaint_returns.csv", () => new MemoryStream(returns, writable: false)), ("code_self_assessments.csv", () => new MemoryStream(assessments, writable: false))],
            replace: true, progress: null, import, snapshotScheduledYears: false);
        problems.AddRange(import.Details.Select(beside));
        problems.AddRange(FolderProblems(import));
        if (problems.Count > 0 || !result.Succeeded) return new SubmissionResult(SubmissionOutcome.Refused, problems);

        var after = StoredSubmission.Read(change, code, year) with { AnnualReportUrl = annualReport, GovernanceResponseUrl = governance };
        var deadline = SubmissionDeadlines.For(change.Connection, year, change.Transaction);
        var receivedOn = after.ReceivedOn!.Value;
        var late = deadline?.IsLate(receivedOn) ?? false;
        var changed = after.Json() != before.Json();
        var record = before.Record;
        var answersQuery = record?.Query is { Open: true };
        if (!changed && !answersQuery) return new SubmissionResult(SubmissionOutcome.Unchanged, [], receivedOn, late);

        var label = who.Actor.Name;
        ComplaintSubmissions.Write(change, new SubmissionRecord(code, year, annualReport, governance,
            record?.FirstSubmittedAt ?? change.Now, record?.FirstSubmittedBy ?? label, change.Now, label,
            record?.Query is { } query ? query with { AnsweredAt = query.AnsweredAt ?? change.Now } : null));
        var first = before.IsEmpty;
        change.Audit(first ? "submit complaint handling" : "correct complaint handling", $"complaint handling {code} {year}",
            first ? null : before.Json(), after.Json(answersQuery ? record!.Query!.Note : null));
        if (changed) change.DataChanged(year);
        change.Commit();
        return new SubmissionResult(first ? SubmissionOutcome.Submitted : SubmissionOutcome.Corrected, [], receivedOn, late);
    }

    /// <summary>
    /// The day the form's submission counts as received: for a link officer, the day the council's submission first arrived
    /// (stored) or today; for staff, the day they give, else as for a link officer.
    /// </summary>
    private static DateOnly? ReceivedOn(Change change, Submitter who, StoredSubmission stored, string? given, List<SubmissionProblem> problems)
    {
        if (who is not Submitter.Staff || string.IsNullOrWhiteSpace(given)) return stored.ReceivedOn ?? Today(change);
        if (!DateOnly.TryParseExact(given.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            problems.Add(new(SubmissionFields.ReceivedOn, $"{SubmissionFields.Label(SubmissionFields.ReceivedOn)}: '{given.Trim()}' is not a date written YYYY-MM-DD"));
        else if (date > Today(change))
            problems.Add(new(SubmissionFields.ReceivedOn, $"{SubmissionFields.Label(SubmissionFields.ReceivedOn)}: the day received cannot be after today, {Iso(Today(change))}"));
        else return date;
        return null;
    }

    /// <summary>An address of a published page, or nothing: the Code asks councils to publish both documents, not to send them.</summary>
    private static string? Url(IReadOnlyDictionary<string, string?> fields, string field, List<SubmissionProblem> problems)
    {
        var text = fields.GetValueOrDefault(field)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length <= LongestUrl && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.'))
            return text;
        problems.Add(new(field, $"{SubmissionFields.Label(field)}: '{(text.Length > 60 ? text[..57] + "..." : text)}' is not the full address of a web page, " +
            $"such as https://www.example.gov.uk/complaints-report (at most {LongestUrl} characters)"));
        return null;
    }

    /// <summary>
    /// Checks an uploaded file holds only this council's year, every stage or section of it, and (for a link officer) the day
    /// received; each problem names the file, line and column, as the import's do.
    /// </summary>
    private static void OnlyThisCouncilYear(string file, byte[] bytes, string code, FinancialYear year, string keyColumn, IReadOnlyList<string> keys,
        DateOnly? receivedOn, ImportProblems problems)
    {
        void Report(int line, string? column, string reason) => problems.Add(file, line, column, reason);
        string text;
        try
        {
            text = CsvReader.Decode(bytes);
        }
        catch (CsvFormatException e)
        {
            Report(e.Line, null, e.Message);
            return;
        }
        var required = receivedOn is null ? new[] { "authority_code", "year", keyColumn } : ["authority_code", "year", keyColumn, "submitted_on"];
        if (CsvTable.Open(file, text, required, Report) is not { } table) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var before = problems.Count;
        foreach (var row in table.Rows(Report))
        {
            if (row["authority_code"] != code) Report(row.Line, "authority_code", $"a submission holds {code}'s rows only; this row is for '{row["authority_code"]}'");
            if (row["year"] != year.ToString()) Report(row.Line, "year", $"a submission holds {year}'s rows only; this row is for '{row["year"]}'");
            if (receivedOn is { } day && row["submitted_on"] != Iso(day))
                Report(row.Line, "submitted_on", $"write {Iso(day)}: a submission is dated the day it is first received");
            if (row[keyColumn] is { } key) seen.Add(key);
        }
        if (problems.Count > before) return;
        var missing = keys.Where(k => !seen.Contains(k)).ToList();
        if (missing.Count > 0)
            problems.AddForFolder($"{file} has no row for {keyColumn} {string.Join(", ", missing)}: a submission gives every {keyColumn} ({string.Join(", ", keys)})");
    }

    private static IEnumerable<SubmissionProblem> FolderProblems(ImportProblems problems) =>
        problems.Lines().Skip(problems.Details.Count).Select(line => new SubmissionProblem("", Sentence(line)));

    private static IEnumerable<int> LinesOf(byte[] file) => CsvReader.Read(CsvReader.Decode(file)).Skip(1).Select(r => r.Line);

    private static DateOnly Today(Change change) => DateOnly.FromDateTime(change.Now.UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sentence(string reason) => reason.Length == 0 ? reason : char.ToUpperInvariant(reason[0]) + reason[1..];

    /// <summary>A council's year as stored: its returns, self-assessment and submission record; the audit log keeps it as JSON.</summary>
    private sealed record StoredSubmission(IReadOnlyList<StageRow> Returns, IReadOnlyList<SectionRow> Sections, SubmissionRecord? Record,
        string? AnnualReportUrl, string? GovernanceResponseUrl)
    {
        public bool IsEmpty => Returns.Count == 0 && Sections.Count == 0;

        /// <summary>The day the self-assessment was received, as stored (the latest, should sections differ).</summary>
        public DateOnly? ReceivedOn => Sections.Count == 0 ? null : Sections.Max(s => DateOnly.ParseExact(s.SubmittedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        public static StoredSubmission Read(Change change, string code, FinancialYear year)
        {
            var p = new { code, year = year.StartYear };
            var order = CodeSections.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            var returns = change.Connection.Query<StageRow>(
                "SELECT stage, received, responded, responded_in_time, upheld FROM complaint_returns WHERE authority_code = @code AND year = @year ORDER BY stage",
                p, change.Transaction).ToList();
            var sections = change.Connection.Query<SectionRow>(
                "SELECT section, follows, evidence, action, target_date, submitted_on FROM code_self_assessments WHERE authority_code = @code AND year = @year",
                p, change.Transaction).OrderBy(s => order.GetValueOrDefault(s.Section, int.MaxValue)).ToList();
            var record = ComplaintSubmissions.Find(change.Connection, code, year, change.Transaction);
            return new StoredSubmission(returns, sections, record, record?.AnnualReportUrl, record?.GovernanceResponseUrl);
        }

        /// <param name="answersQuery">The note of the open query the submission answers, if it does.</param>
        public string Json(string? answersQuery = null) => JsonSerializer.Serialize(new
        {
            returns = Returns.Select(r => new { stage = r.Stage, received = r.Received, responded = r.Responded, responded_in_time = r.RespondedInTime, upheld = r.Upheld }),
            self_assessment = Sections.Select(s => new { section = s.Section, follows = s.Follows, evidence = s.Evidence, action = s.Action, target_date = s.TargetDate, submitted_on = s.SubmittedOn }),
            annual_report_url = AnnualReportUrl,
            governance_response_url = GovernanceResponseUrl,
            answers_query = answersQuery,
        }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }

    private sealed class StageRow
    {
        public long Stage { get; set; }
        public long Received { get; set; }
        public long Responded { get; set; }
        public long RespondedInTime { get; set; }
        public long Upheld { get; set; }
    }

    private sealed class SectionRow
    {
        public string Section { get; set; } = "";
        public string Follows { get; set; } = "";
        public string? Evidence { get; set; }
        public string? Action { get; set; }
        public string? TargetDate { get; set; }
        public string SubmittedOn { get; set; } = "";
    }
}
