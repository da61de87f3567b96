using MimeKit;

namespace Upheld.Tests.Letters.Mail;

/// <summary>The SMTP sink <c>./test</c> starts on loopback (scripts/smtp.sh): skips outside CI when absent, fails in CI.</summary>
public sealed record SmtpSink(string Host, int Port, string Folder)
{
    public static SmtpSink Require()
    {
        var server = Environment.GetEnvironmentVariable("UPHELD_TEST_SMTP");
        var folder = Environment.GetEnvironmentVariable("UPHELD_TEST_SMTP_DIR");
        if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(folder))
        {
            const string message = "mail tests need UPHELD_TEST_SMTP and UPHELD_TEST_SMTP_DIR (./test starts smtp-sink and sets them)";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(message);
            Skip.If(true, message);
        }
        var colon = server!.LastIndexOf(':');
        return new SmtpSink(server[..colon], int.Parse(server[(colon + 1)..]), folder!);
    }

    /// <summary>The messages the sink kept whose envelope names <paramref name="recipient"/>, each with its envelope recipients.</summary>
    /// <remarks>The sink writes each message's envelope (X-Rcpt-Args) before its headers; a message being written is waited for.</remarks>
    /// <param name="complete">When a message is whole: by default once its attachment (a letter's PDF) is there.</param>
    public IReadOnlyList<(MimeMessage Message, IReadOnlyList<string> Envelope)> MessagesTo(string recipient, int expected, Func<MimeMessage, bool>? complete = null)
    {
        complete ??= message => message.Attachments.Any();
        var found = new List<(MimeMessage, IReadOnlyList<string>)>();
        for (var wait = 0; wait < 50; wait++)
        {
            found.Clear();
            foreach (var file in Directory.GetFiles(Folder))
            {
                var text = File.ReadAllText(file);
                if (!text.Contains($"X-Rcpt-Args: <{recipient}>", StringComparison.Ordinal)) continue;
                try
                {
                    using var stream = File.OpenRead(file);
                    var message = MimeMessage.Load(stream);
                    if (!complete(message)) continue; // still being written
                    var envelope = message.Headers.Where(h => h.Field == "X-Rcpt-Args").Select(h => h.Value.Trim().Trim('<', '>')).ToList();
                    found.Add((message, envelope));
                }
                catch (FormatException)
                {
                }
            }
            if (found.Count >= expected) break;
            Thread.Sleep(100);
        }
        return found;
    }
}
