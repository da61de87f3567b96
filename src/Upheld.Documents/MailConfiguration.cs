using System.Globalization;

namespace Upheld.Documents;

/// <summary>
/// The SMTP settings both the site and <c>upheld letters send</c> read, by one set of names: <c>UPHELD_SMTP</c> (host:port),
/// <c>UPHELD_SMTP_FROM</c> (the sender), and <c>UPHELD_SMTP_USERNAME</c> with <c>UPHELD_SMTP_PASSWORD</c> to sign in.
/// </summary>
/// <remarks>The site reads them from its configuration (environment variables included); the command line from the environment, its options first.</remarks>
public static class MailConfiguration
{
    public const string Server = "UPHELD_SMTP";
    public const string From = "UPHELD_SMTP_FROM";
    public const string Username = "UPHELD_SMTP_USERNAME";
    public const string Password = "UPHELD_SMTP_PASSWORD";
    public const string DefaultFrom = "annual.review@upheld.invalid";

    /// <summary>The settings from <paramref name="setting"/> (a name to its value); null with no problem when no server is set.</summary>
    /// <param name="server">A server given otherwise (the command line's --smtp), used instead of <see cref="Server"/>.</param>
    /// <param name="from">A sender given otherwise (--from), used instead of <see cref="From"/>.</param>
    /// <param name="problem">Why a setting that is there cannot be used, naming it.</param>
    public static MailSettings? Read(Func<string, string?> setting, out string? problem, (string Name, string Value)? server = null,
        (string Name, string Value)? from = null, int attempts = 3)
    {
        problem = null;
        var (serverName, serverText) = server ?? (Server, setting(Server) ?? "");
        if (string.IsNullOrWhiteSpace(serverText)) return null;
        var (fromName, fromText) = from ?? (From, string.IsNullOrWhiteSpace(setting(From)) ? DefaultFrom : setting(From)!);
        var colon = serverText.LastIndexOf(':');
        var port = 0;
        if (colon <= 0 || !int.TryParse(serverText[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            problem = $"{serverName}: '{serverText}' is not host:port, such as smtp.example.org:587";
        else if (!MimeKit.MailboxAddress.TryParse(fromText, out _))
            problem = $"{fromName}: '{fromText}' is not an e-mail address";
        if (problem is not null) return null;
        var user = setting(Username);
        return new MailSettings(serverText[..colon], port, fromText, attempts,
            Credentials: string.IsNullOrEmpty(user) ? null : new System.Net.NetworkCredential(user, setting(Password)));
    }
}
