using System.Data.Common;
using System.Globalization;
using Dapper;
using Upheld.Storage;

namespace Upheld.Letters;

/// <summary>Where a letter stands with staff: never approved, approved as it is, or changed since approval.</summary>
public enum ApprovalState
{
    NotApproved,
    Approved,
    ChangedSinceApproval,
}

/// <summary>Staff decisions about one letter: paragraphs written from data switched off, and approval of its content.</summary>
/// <remarks>
/// The writes are internal: staff change a letter through <see cref="SwitchLetterParagraph"/> and <see cref="ApproveLetter"/>,
/// which audit the change and keep the published snapshot in the same transaction.
/// </remarks>
public static class LetterReview
{
    /// <summary>Switches a paragraph written from data off (or back on) for one council's letter of one year; true when that changed it.</summary>
    internal static bool Switch(DbConnection connection, string code, FinancialYear year, string paragraph, bool on, DbTransaction? transaction = null)
    {
        if (!DataParagraphs.IsKnown(paragraph))
            throw new ArgumentException($"'{paragraph}' is not a paragraph written from data ({string.Join(", ", DataParagraphs.Fixed.Concat(DataParagraphs.OffByDefault))} or public_report:CASE_REF)", nameof(paragraph));
        var args = new { code, year = year.StartYear, paragraph };
        // A stored switch is a paragraph switched from its default: off for most, on for those off by default.
        var remove = on != DataParagraphs.OffByDefault.Contains(paragraph);
        return connection.Execute(remove
            ? "DELETE FROM letter_switches WHERE authority_code = @code AND year = @year AND paragraph = @paragraph"
            : "INSERT INTO letter_switches (authority_code, year, paragraph) VALUES (@code, @year, @paragraph) ON CONFLICT DO NOTHING", args, transaction) == 1;
    }

    /// <summary>Why an approval is refused when the letter's words are no longer those the approver was shown.</summary>
    public const string ChangedSinceOpened = "the letter has changed since you opened it";

    /// <summary>Records that staff approved the letter whose content hash is <paramref name="contentHash"/>.</summary>
    internal static void Approve(DbConnection connection, string code, FinancialYear year, string contentHash, DateTimeOffset at, string? by = null,
        DbTransaction? transaction = null) =>
        Approve(connection, [(code, year, contentHash)], at, by, transaction);

    /// <summary>Records many approvals at once, each as <see cref="Approve(DbConnection, string, FinancialYear, string, DateTimeOffset, string?, DbTransaction?)"/> does.</summary>
    internal static void Approve(DbConnection connection, IEnumerable<(string Code, FinancialYear Year, string ContentHash)> letters, DateTimeOffset at,
        string? by = null, DbTransaction? transaction = null) =>
        ManyRows.Execute(connection,
            """
            INSERT INTO letter_approvals (authority_code, year, content_hash, approved_at, approved_by)
            VALUES (@code, @year, @contentHash, @at, @by)
            ON CONFLICT (authority_code, year) DO UPDATE SET content_hash = excluded.content_hash,
                approved_at = excluded.approved_at, approved_by = excluded.approved_by
            """,
            letters.Select(l => new
            {
                code = l.Code, year = l.Year.StartYear, contentHash = l.ContentHash,
                at = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), by,
            }),
            transaction);

    /// <summary>The approved content hash of every approved letter of the year, by council code.</summary>
    public static IReadOnlyDictionary<string, string> Approvals(DbConnection connection, FinancialYear year, DbTransaction? transaction = null) =>
        connection.Query<(string Code, string Hash)>(
                "SELECT authority_code, content_hash FROM letter_approvals WHERE year = @year", new { year = year.StartYear }, transaction)
            .ToDictionary(a => a.Code, a => a.Hash);

    /// <summary>Compares the letter as composed now with the one approved.</summary>
    public static ApprovalState State(string? approvedHash, string currentHash) =>
        approvedHash is null ? ApprovalState.NotApproved
        : approvedHash == currentHash ? ApprovalState.Approved
        : ApprovalState.ChangedSinceApproval;
}
