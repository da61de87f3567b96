using Microsoft.AspNetCore.Http;
using Upheld.Publishing;

namespace Upheld.Web.Staff;

/// <summary>Reads the revision note of a staff form (<see cref="RevisionNoteFields"/>): the reason is required when the change revises a published year.</summary>
public static class RevisionNoteForm
{
    public const string ReasonField = "revision_reason";
    public const string KindField = "revision_kind";

    public static RevisionNote Read(IFormCollection form) =>
        new(form[ReasonField].ToString().Trim() is { Length: > 0 } reason ? reason : null, form[KindField] == "correction", ReasonRequired: true);

    /// <summary>The error beside the reason when the engine refused the change for want of one.</summary>
    public static FormErrors Missing(RevisionReasonMissing missing) => new FormErrors().Add(ReasonField, missing.Message[..1].ToUpperInvariant() + missing.Message[1..]);
}
