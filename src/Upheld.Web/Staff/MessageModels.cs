namespace Upheld.Web.Staff;

/// <summary>A short answer in the staff area: its title and one sentence.</summary>
public sealed record MessagePageModel(string Title, string Text);
