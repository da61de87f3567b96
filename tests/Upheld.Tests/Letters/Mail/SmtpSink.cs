using System.Collections.Concurrent;
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
                if (!Names(file, recipient)) continue;
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

    // The envelope recipients of each whole message seen so far, by file: the folder holds every message of every run that
    // shared the sink, so reading each of them again on every poll would take longer than the tests themselves.
    private static readonly ConcurrentDictionary<string, string> Envelopes = new();

    /// <summary>Whether the message in <paramref name="file"/> was sent to <paramref name="recipient"/>.</summary>
    /// <remarks>A message's envelope is remembered once its headers are all written (a blank line follows them); until then
    /// the file is read again each time.</remarks>
    private static bool Names(string file, string recipient)
    {
        var line = $"X-Rcpt-Args: <{recipient}>";
        if (Envelopes.TryGetValue(file, out var envelope)) return envelope.Contains(line, StringComparison.Ordinal);
        var text = File.ReadAllText(file);
        var headersEnd = text.Replace("\r\n", "\n", StringComparison.Ordinal).IndexOf("\n\n", StringComparison.Ordinal);
        if (headersEnd >= 0)
            Envelopes[file] = string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal)[..headersEnd].Split('\n').Where(l => l.StartsWith("X-Rcpt-Args: ", StringComparison.Ordinal)));
        return text.Contains(line, StringComparison.Ordinal);
    }
}
