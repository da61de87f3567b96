using Upheld.Authorities;
using Upheld.ComplaintHandling;

namespace Upheld.Web.Staff;

/// <summary>
/// A council's submission form: the values (as stored, or as typed when refused), where the submission stands, and what
/// the person may do: a link officer changes it until the year is published, staff at any time and may query it.
/// </summary>
/// <param name="Saved">What the last post did, shown once after the redirect: "submitted", "corrected", "unchanged" or "queried".</param>
/// <param name="Published">The year is public: a link officer sees the submission but cannot change it.</param>
/// <param name="Note">The revision note as typed, when staff change a published year.</param>
public sealed record SubmissionFormModel(Authority Council, FinancialYear Year, IReadOnlyDictionary<string, string?> Values, SubmissionState State,
    bool Published, string? Saved, FormErrors Errors, FormErrors UploadErrors, FormErrors QueryErrors, string? QueryNote, DateOnly Today,
    Upheld.Publishing.RevisionNote? Note = null)
{
    public bool MayChange(StaffIdentity person) => person.IsStaff || !Published;
}

/// <summary>The years staff review submissions for, each with its deadline, newest first.</summary>
public sealed record SubmissionYearsModel(IReadOnlyList<(FinancialYear Year, SubmissionDeadline? Deadline)> Years);

/// <summary>
/// A year's submissions page: every council's state, figures beside the ombudsman's and checks; the deadline form (for a
/// publisher) and the reminders (when the site can send mail).
/// </summary>
/// <param name="Reminders">The reminders as they stand today; null without a deadline.</param>
/// <param name="MayRemind">The site can send mail; when it cannot, <see cref="MailProblem"/> says why.</param>
/// <param name="LastRun">The year's latest reminder run, with who made it and when.</param>
/// <param name="JustReminded">A run was just made from this page: its report is shown as news.</param>
/// <param name="Saved">The deadline was just saved.</param>
/// <param name="Unpublished">The year is not yet public: the ombudsman's figures on the page are embargoed.</param>
/// <param name="Show">Which councils the table lists: all, not-received, late, queried or checks.</param>
public sealed record SubmissionsPageModel(SubmissionReview Review, DateTimeOffset? PublishedAt, bool Unpublished, ReminderPlan? Reminders, bool MayRemind,
    string? MailProblem, (Upheld.Accounts.AuditEntry Entry, ReminderRun Run)? LastRun, bool JustReminded, bool Saved, FormErrors DeadlineErrors, string? Date,
    string? ReminderDays, string Show, Upheld.Publishing.RevisionNote? Note = null);

/// <summary>A link officer's start page: their council, and its submission of each year with a deadline or a submission.</summary>
public sealed record LinkOfficerHomeModel(Authority Council, IReadOnlyList<(SubmissionState State, bool Published)> Years);
