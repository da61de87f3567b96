using Upheld.Letters.Mail;
using Upheld.Storage;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Letters.Mail;

/// <summary>The record of sends on both engines: a failed try, then the send of the same content replacing it.</summary>
public abstract class LetterSendsTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2019);
    private static readonly DateTimeOffset Tried = new(2020, 7, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    [SkippableFact]
    public void A_failed_try_is_not_a_send_and_a_later_send_of_the_same_content_replaces_it()
    {
        using var connection = _store.Value.Database.Connect();
        string[] recipients = ["ceo@rutland.example", "link@rutland.example"];
        LetterSends.Record(connection, new LetterSend("E06000017", Year, "hash-1", recipients, null, 3, "Connection refused", Tried));

        Assert.False(LetterSends.WasSent(connection, "E06000017", Year, "hash-1"));
        var failed = LetterSends.ForYear(connection, Year)["E06000017"];
        Assert.Equal((null, 3, "Connection refused"), (failed.SentAt, failed.Attempts, failed.LastError));

        LetterSends.Record(connection, new LetterSend("E06000017", Year, "hash-1", recipients, Tried.AddHours(1), 1, null, Tried.AddHours(1)));

        Assert.True(LetterSends.WasSent(connection, "E06000017", Year, "hash-1"));
        Assert.False(LetterSends.WasSent(connection, "E06000017", Year, "hash-2"));
        var sent = LetterSends.ForYear(connection, Year)["E06000017"];
        Assert.Equal((Tried.AddHours(1), 1, (string?)null), (sent.SentAt!.Value, sent.Attempts, sent.LastError));
        Assert.Equal(recipients, sent.Recipients);
    }
}

public sealed class SqliteLetterSendsTests() : LetterSendsTests(DatabaseProvider.Sqlite);

public sealed class PostgresLetterSendsTests() : LetterSendsTests(DatabaseProvider.PostgreSql);
