using Upheld.Import;

namespace Upheld.Web.Staff;

/// <summary>The import page: empty, refused before importing (the reason beside the field), or the import's report for the uploaded file.</summary>
public sealed record ImportPageModel(FormErrors Errors, ImportResult? Result = null, string? FileName = null, Upheld.Publishing.RevisionNote? Note = null)
{
    public static ImportPageModel Empty { get; } = new(FormErrors.None);
}
