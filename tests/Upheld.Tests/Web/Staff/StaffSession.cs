using System.Net;
using System.Text.RegularExpressions;
using Upheld.Accounts;
using Upheld.Web.Staff;

namespace Upheld.Tests.Web.Staff;

/// <summary>One person's browser on the in-memory site: signs in, reads pages, and posts forms with the token the page gave.</summary>
public sealed partial class StaffSession(SiteHost site, bool https = false)
{
    public const string Password = "correct horse battery staple";

    // Hashing is slow by design (PBKDF2); one hash of the shared password serves every test account.
    private static readonly Lazy<string> PasswordHash = new(() => StaffPasswords.Hash(Password));

    public HttpClient Client { get; } = site.CookieClient(https);

    /// <summary>Creates an account in the site's database, as <c>upheld users add</c> does.</summary>
    public static void AddAccount(SiteHost site, string email, StaffRole role, string? council = null, string name = "Sam Staff")
    {
        using var connection = site.Database.Connect();
        StaffUsers.Add(connection, new StaffUser(email, name, role, council, PasswordHash.Value, 0, null, StaffUsers.NewStamp()), site.Clock.GetUtcNow());
    }

    /// <summary>A signed-in session of a new account with <paramref name="role"/>.</summary>
    public static async Task<StaffSession> SignedIn(SiteHost site, StaffRole role, string? council = null, string? email = null)
    {
        email ??= $"{StaffRoles.Name(role)}-{council ?? "all"}@example.org".ToLowerInvariant();
        AddAccount(site, email, role, council, name: $"{StaffRoles.Describe(role)} {council}".Trim());
        var session = new StaffSession(site);
        var response = await session.SignIn(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    public async Task<HttpResponseMessage> SignIn(string email, string password) =>
        await PostForm("/staff/sign-in", "/staff/sign-in", new() { ["email"] = email, ["password"] = password });

    public async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="formPage"/>, takes the anti-forgery token of the form posting to <paramref name="action"/>, and posts <paramref name="fields"/> with it.</summary>
    public async Task<HttpResponseMessage> PostForm(string formPage, string action, Dictionary<string, string> fields)
    {
        var (_, page) = await Get(formPage);
        return await PostFrom(page, action, fields);
    }

    /// <summary>Posts the form to <paramref name="action"/> of a page opened earlier, as a browser left open would: its token and hidden fields, and <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostFrom(string page, string action, Dictionary<string, string> fields)
    {
        var hidden = HiddenFieldsOf(page, action).Where(h => !fields.ContainsKey(h.Key));
        var content = new FormUrlEncodedContent(fields.Concat(hidden).Append(new("__RequestVerificationToken", TokenOf(page, action))));
        return await Client.PostAsync(action, content);
    }

    private static IEnumerable<KeyValuePair<string, string>> HiddenFieldsOf(string page, string action) =>
        Hidden().Matches(FormOf(page, action)).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(h => h.Key != "__RequestVerificationToken").ToList();

    private static string FormOf(string page, string action)
    {
        var form = Regex.Match(page, $"<form method=\"post\" action=\"{Regex.Escape(action)}[^\"]*\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"no form posting to {action} on the page");
        return form.Groups[1].Value;
    }

    /// <summary>Posts without any token, as a forged cross-site form would.</summary>
    public Task<HttpResponseMessage> PostWithoutToken(string action, Dictionary<string, string> fields) =>
        Client.PostAsync(action, new FormUrlEncodedContent(fields));

    public static string TokenOf(string page, string action) => Token().Match(FormOf(page, action)).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
