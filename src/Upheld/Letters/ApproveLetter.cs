using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Letters;

/// <summary>What an approval did: approved, or refused because the words are no longer those the approver read; with the letter as composed now.</summary>
public sealed record LetterApproval(bool Approved, ComposedLetter Letter);

/// <summary>Approves one council's letter of a year as the publisher read it: <c>upheld letters approve --hash</c> and the review page's approve button.</summary>
/// <remarks>
/// The letter is composed again inside the change and approved only if its content hash is the one the approver was
/// shown: approving whatever is composed at the moment of the click would approve commentary written after the publisher
/// opened the letter. The approval, its audit entry and the year's published snapshot (a letter approved after publication
/// is added as first published then) commit together.
/// </remarks>
public static class ApproveLetter
{
    /// <param name="seenHash">The content hash of the text the approver was shown; a blank or other hash approves nothing.</param>
    /// <param name="approvedBy">Who the approval names (the staff person's name, or <c>--by</c>); the audit log names <paramref name="actor"/>.</param>
    /// <exception cref="LetterRequestException">The council has no letter that year.</exception>
    public static LetterApproval Run(Database database, string code, FinancialYear year, string? seenHash, string? approvedBy, EditionCatalog editions,
        Actor actor, TimeProvider clock)
    {
        using var change = Change.Begin(database, actor, clock);
        var letter = YearLetters.Compose(change.Connection, year, editions, code, transaction: change.Transaction).Single();
        var seen = seenHash?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(seen) || seen != letter.ContentHash) return new LetterApproval(false, letter);
        LetterReview.Approve(change.Connection, code, year, seen, change.Now, approvedBy, change.Transaction);
        Audits.LetterApproved(change, code, year, letter.Approval, letter.ContentHash);
        change.DataChanged(year);
        change.Commit();
        return new LetterApproval(true, letter);
    }
}
