using System.Data.Common;
using System.Text.Json;
using Upheld.Import;
using Upheld.Letters;

namespace Upheld.Accounts;

/// <summary>Audit entries written alike for the staff area and the command line, so that both read the same at <c>/staff/audit</c>.</summary>
internal static class Audits
{
    /// <summary>How the log names someone running the command line: <c>cli:</c> and the operating-system user, such as <c>cli:root</c>.</summary>
    public static string CommandLine(string userName) => $"cli:{userName}";

    /// <summary>One entry for a whole import: where it came from, and per file its rows added, unchanged and replaced.</summary>
    public static void Import(Change change, string source, bool replace, IReadOnlyList<FileSummary> files) =>
        change.Audit(replace ? "import with replace" : "import", source, null,
            JsonSerializer.Serialize(files.ToDictionary(f => f.File, f => new { rows = f.Rows, added = f.Added, unchanged = f.Unchanged, replaced = f.Replaced })));

    public static void PublicationTime(Change change, FinancialYear year, DateTimeOffset? before, DateTimeOffset? after) =>
        change.Audit(after is null ? "clear publication time" : "set publication time", $"year {year}",
            JsonSerializer.Serialize(new { published_at = before is { } b ? StoredTime.Format(b) : null }),
            JsonSerializer.Serialize(new { published_at = after is { } a ? StoredTime.Format(a) : null }));

    /// <summary>
    /// An account locked by failed sign-ins: the sign-in form does not say so (it would tell a stranger the address has an
    /// account), so staff learn it here.
    /// </summary>
    public static void AccountLocked(DbConnection connection, DateTimeOffset at, string email, DateTimeOffset until) =>
        AuditLog.Record(connection, null, at, "sign-in", "lock account", $"staff user {StaffUsers.Normalise(email)}", null,
            JsonSerializer.Serialize(new { failed_sign_ins = StaffUsers.FailuresBeforeLockOut, locked_until = StoredTime.Format(until) }));

    public static void LetterApproved(Change change, string code, FinancialYear year, ApprovalState before, string contentHash) =>
        change.Audit("approve letter", $"letter {code} {year}",
            JsonSerializer.Serialize(new { state = before.ToString() }), JsonSerializer.Serialize(new { state = nameof(ApprovalState.Approved), hash = contentHash }));

    /// <summary>A paragraph written from data switched; <paramref name="on"/> is its state after.</summary>
    public static void ParagraphSwitched(Change change, string code, FinancialYear year, string paragraph, bool on) =>
        change.Audit(on ? "switch paragraph on" : "switch paragraph off", $"letter {code} {year} {paragraph}",
            JsonSerializer.Serialize(new { on = !on }), JsonSerializer.Serialize(new { on }));
}
