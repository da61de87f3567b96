using System.Text.Json;
using Dapper;
using Upheld.Accounts;
using Upheld.Authorities;
using Upheld.Storage;

namespace Upheld.ComplaintHandling;

/// <summary>Ombudsman staff query a council's submission with a note: the link officer sees it and corrects, which answers it.</summary>
/// <remarks>
/// One query is open at a time; a new one replaces the note. The next submission or correction, by the council or by staff,
/// answers it (<see cref="SubmitComplaintHandling"/>). A query changes no figure, so no snapshot is involved.
/// </remarks>
public static class QuerySubmission
{
    public const int LongestNote = 2_000;

    /// <summary>The problem that stopped the query (field <c>note</c>, or "" for the submission), or null when it is recorded.</summary>
    public static SubmissionProblem? Run(Database database, string code, FinancialYear year, string? note, Actor actor, TimeProvider clock)
    {
        note = note?.Trim();
        if (string.IsNullOrEmpty(note)) return new("note", "Write what the council should check or correct");
        if (note.Length > LongestNote) return new("note", $"The note is longer than {LongestNote:N0} characters");
        using var change = Change.Begin(database, actor, clock);
        var council = AuthorityStore.All(change.Connection, change.Transaction).FirstOrDefault(a => a.Code == code);
        var received = council is not null && council.ExistsIn(year) && change.Connection.ExecuteScalar<long>(
            "SELECT (SELECT COUNT(*) FROM complaint_returns WHERE authority_code = @code AND year = @year) + " +
            "(SELECT COUNT(*) FROM code_self_assessments WHERE authority_code = @code AND year = @year)",
            new { code, year = year.StartYear }, change.Transaction) > 0;
        if (!received) return new("", $"There is no submission from {code} for {year} to query");
        var record = ComplaintSubmissions.Find(change.Connection, code, year, change.Transaction)
            ?? new SubmissionRecord(code, year, null, null, null, null, null, null, null);
        var query = new SubmissionQuery(note, change.Now, actor.Name, null);
        ComplaintSubmissions.Write(change, record with { Query = query });
        change.Audit("query complaint handling", $"complaint handling {code} {year}",
            record.Query is { Open: true } open ? JsonSerializer.Serialize(new { query = open.Note }) : null, JsonSerializer.Serialize(new { query = note }));
        change.Commit();
        return null;
    }
}
