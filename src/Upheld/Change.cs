using System.Data.Common;
using Upheld.Accounts;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld;

/// <summary>One change to data as a use case makes it: its writes, its audit entry and the published snapshot, in one transaction.</summary>
/// <remarks>
/// Every use case (<c>ImportData</c>, <c>ApproveLetter</c>, <c>SetPublication</c>…) opens one, writes through
/// <see cref="Connection"/> and <see cref="Transaction"/>, calls <see cref="Audit"/> and <see cref="DataChanged"/>, then
/// <see cref="Commit"/>, which also advances the <see cref="DataVersion"/>; disposing it without committing rolls everything back, the audit entry and the snapshot included.
/// The time of the change is read once from the caller's clock, so the rows, the entry and the snapshot carry the same moment.
/// </remarks>
internal sealed class Change : IDisposable
{
    private readonly Actor? _actor;

    private Change(DbConnection connection, Actor? actor, DateTimeOffset now)
    {
        Connection = connection;
        _actor = actor;
        Now = now;
        Transaction = connection.BeginTransaction();
    }

    public DbConnection Connection { get; }
    public DbTransaction Transaction { get; }
    public DateTimeOffset Now { get; }

    /// <summary>Why the change was made and whether it corrects an error: recorded with the version it makes of a public year.</summary>
    public RevisionNote? Note { get; set; }

    /// <param name="actor">Who the audit log names; null only where no one made the change (tests and the demonstration's seeding).</param>
    /// <param name="prepare">Runs on the connection before the transaction starts (an import's page-cache settings).</param>
    public static Change Begin(Database database, Actor? actor, TimeProvider clock, Action<DbConnection>? prepare = null)
    {
        var connection = database.Connect();
        try
        {
            prepare?.Invoke(connection);
            return new Change(connection, actor, clock.GetUtcNow());
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Adds the change's entry to the audit log, in the change's transaction.</summary>
    public void Audit(string action, string entity, string? before, string? after)
    {
        if (_actor is { } actor) AuditLog.Record(Connection, Transaction, Now, actor.Name, action, entity, before, after);
    }

    /// <summary>The frozen-figures rule for a year whose data this change touched (see <see cref="PublishedSnapshots"/>).</summary>
    public void DataChanged(FinancialYear year) => PublishedSnapshots.DataChanged(Connection, Transaction, year, Now, Note);

    /// <summary><see cref="DataChanged"/> for every year with a publication time, for a change that may touch any year.</summary>
    public void DataChangedInScheduledYears()
    {
        foreach (var year in Publication.Schedule(Connection, Transaction).Keys) DataChanged(year);
    }

    /// <summary>
    /// Set by a use case that found nothing to change (an import whose every row was stored already): the commit then leaves
    /// the <see cref="DataVersion"/> as it was, so no server prepares its pages again for nothing.
    /// </summary>
    public bool ChangedNothing { get; set; }

    /// <summary>Commits the change, advancing the <see cref="DataVersion"/> with it so every server process's prepared pages know.</summary>
    public void Commit()
    {
        if (!ChangedNothing) DataVersion.Advance(Connection, Transaction);
        Transaction.Commit();
    }

    public void Dispose()
    {
        Transaction.Dispose();
        Connection.Dispose();
    }
}
