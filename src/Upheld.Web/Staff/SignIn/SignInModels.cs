namespace Upheld.Web.Staff;

/// <summary>The sign-in form: the address typed before (null on a first visit), where to go once signed in
/// (only a staff path, or null), and what was wrong with the last attempt.</summary>
public sealed record SignInPageModel(string? Email, string? ReturnUrl, FormErrors Errors);
