using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Upheld.Letters.Mail;

/// <summary>One letter's sending: to whom, when it went (null while it has not), how many attempts, and the last error.</summary>
public sealed record LetterSend(string AuthorityCode, FinancialYear Year, string ContentHash, IReadOnlyList<string> Recipients,
    DateTimeOffset? SentAt, int Attempts, string? LastError, DateTimeOffset LastAttemptAt);

/// <summary>The record of letters e-mailed, kept by council, year and the content hash that was sent.</summary>
/// <remarks>Written through <see cref="RecordLetterSends"/>.</remarks>
public static class LetterSends
{
    // A class with setters: Dapper then converts PostgreSQL's int and SQLite's long alike.
    private sealed class Row
    {
        public string Authority_Code { get; set; } = "";
        public string Content_Hash { get; set; } = "";
        public string Recipients { get; set; } = "";
        public string? Sent_At { get; set; }
        public long Attempts { get; set; }
        public string? Last_Error { get; set; }
        public string Last_Attempt_At { get; set; } = "";
    }

    /// <summary>Every send or failed try of the year, by council code; for a council, the latest attempt.</summary>
    public static IReadOnlyDictionary<string, LetterSend> ForYear(DbConnection connection, FinancialYear year) =>
        connection.Query<Row>(
                "SELECT authority_code, content_hash, recipients, sent_at, attempts, last_error, last_attempt_at FROM letter_sends WHERE year = @year ORDER BY last_attempt_at",
                new { year = year.StartYear })
            .GroupBy(r => r.Authority_Code)
            .ToDictionary(g => g.Key, g => ToSend(g.Last(), year), StringComparer.Ordinal);

    /// <summary>True when the letter with this content hash was sent.</summary>
    public static bool WasSent(DbConnection connection, string code, FinancialYear year, string contentHash) =>
        connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM letter_sends WHERE authority_code = @code AND year = @year AND content_hash = @contentHash AND sent_at IS NOT NULL",
            new { code, year = year.StartYear, contentHash }) > 0;

    /// <summary>Records what happened to one letter, replacing an earlier record of the same content.</summary>
    internal static void Record(DbConnection connection, LetterSend send) =>
        connection.Execute(
            """
            INSERT INTO letter_sends (authority_code, year, content_hash, recipients, sent_at, attempts, last_error, last_attempt_at)
            VALUES (@code, @year, @hash, @recipients, @sentAt, @attempts, @error, @lastAttempt)
            ON CONFLICT (authority_code, year, content_hash) DO UPDATE SET recipients = excluded.recipients, sent_at = excluded.sent_at,
                attempts = excluded.attempts, last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at
            """,
            new
            {
                code = send.AuthorityCode, year = send.Year.StartYear, hash = send.ContentHash, recipients = string.Join(", ", send.Recipients),
                sentAt = send.SentAt is { } at ? Stamp(at) : null, attempts = send.Attempts, error = send.LastError, lastAttempt = Stamp(send.LastAttemptAt),
            });

    private static LetterSend ToSend(Row r, FinancialYear year) => new(r.Authority_Code, year, r.Content_Hash,
        r.Recipients.Split(", ", StringSplitOptions.RemoveEmptyEntries), r.Sent_At is null ? null : Parse(r.Sent_At), (int)r.Attempts, r.Last_Error, Parse(r.Last_Attempt_At));

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
