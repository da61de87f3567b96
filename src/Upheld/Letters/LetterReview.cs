using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.Letters;

/// <summary>Where a letter stands with staff: never approved, approved as it is, or changed since approval.</summary>
public enum ApprovalState
{
    NotApproved,
    Approved,
    ChangedSinceApproval,
}

/// <summary>Staff decisions about one letter: paragraphs written from data switched off, and approval of its content.</summary>
public static class LetterReview
{
    /// <summary>Switches a paragraph written from data off (or back on) for one council's letter of one year; true when that changed it.</summary>
    public static bool Switch(DbConnection connection, string code, FinancialYear year, string paragraph, bool on)
    {
        if (!DataParagraphs.IsKnown(paragraph))
            throw new ArgumentException($"'{paragraph}' is not a paragraph written from data (late_remedies or public_report:CASE_REF)", nameof(paragraph));
        var args = new { code, year = year.StartYear, paragraph };
        return connection.Execute(on
            ? "DELETE FROM letter_switches WHERE authority_code = @code AND year = @year AND paragraph = @paragraph"
            : "INSERT INTO letter_switches (authority_code, year, paragraph) VALUES (@code, @year, @paragraph) ON CONFLICT DO NOTHING", args) == 1;
    }

    /// <summary>Why an approval is refused when the letter's words are no longer those the approver was shown.</summary>
    public const string ChangedSinceOpened = "the letter has changed since you opened it";

    /// <summary>
    /// Approves <paramref name="current"/>, the letter as composed now, only if its content hash is <paramref name="seenHash"/>,
    /// the hash of the text the approver was shown; false, approving nothing, when the words have changed since (or no hash
    /// was named).
    /// </summary>
    /// <remarks>
    /// Both the staff area and <c>upheld letters approve</c> approve through here, so an approval always covers the
    /// text a person read: approving whatever is composed at the moment of the click would approve commentary written
    /// after the publisher opened the letter. What is recorded is the hash seen, so a change landing between this check
    /// and the write leaves the letter "changed since approval", never approved unread.
    /// </remarks>
    public static bool ApproveAsSeen(DbConnection connection, ComposedLetter current, FinancialYear year, string? seenHash, DateTimeOffset at, string? by = null)
    {
        var seen = seenHash?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(seen) || seen != current.ContentHash) return false;
        Approve(connection, current.Letter.AuthorityCode, year, seen, at, by);
        return true;
    }

    /// <summary>Records that staff approved the letter whose content hash is <paramref name="contentHash"/>.</summary>
    public static void Approve(DbConnection connection, string code, FinancialYear year, string contentHash, DateTimeOffset at, string? by = null) =>
        connection.Execute(
            """
            INSERT INTO letter_approvals (authority_code, year, content_hash, approved_at, approved_by)
            VALUES (@code, @year, @contentHash, @at, @by)
            ON CONFLICT (authority_code, year) DO UPDATE SET content_hash = excluded.content_hash,
                approved_at = excluded.approved_at, approved_by = excluded.approved_by
            """,
            new { code, year = year.StartYear, contentHash, at = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), by });

    /// <summary>The approved content hash of every approved letter of the year, by council code.</summary>
    public static IReadOnlyDictionary<string, string> Approvals(DbConnection connection, FinancialYear year) =>
        connection.Query<(string Code, string Hash)>(
                "SELECT authority_code, content_hash FROM letter_approvals WHERE year = @year", new { year = year.StartYear })
            .ToDictionary(a => a.Code, a => a.Hash);

    /// <summary>Compares the letter as composed now with the one approved.</summary>
    public static ApprovalState State(string? approvedHash, string currentHash) =>
        approvedHash is null ? ApprovalState.NotApproved
        : approvedHash == currentHash ? ApprovalState.Approved
        : ApprovalState.ChangedSinceApproval;
}
