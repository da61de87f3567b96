using System.Data.Common;
using Dapper;

namespace Upheld.Accounts;

/// <summary>One change staff made: who, when, what to which record, and the record before and after as JSON.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Who, string Action, string Entity, string? Before, string? After);

/// <summary>The log of every change made from the staff area or the command line; entries are only ever added.</summary>
/// <remarks>Internal: entries are written by the engine's use cases in the change's own transaction (see <see cref="Change"/>); front ends read through <see cref="AuditTrail"/>.</remarks>
internal static class AuditLog
{
    public static void Record(DbConnection connection, DbTransaction? transaction, DateTimeOffset at, string who, string action, string entity, string? before, string? after) =>
        connection.Execute(
            "INSERT INTO audit_log (at, who, action, entity, before_json, after_json) VALUES (@at, @who, @action, @entity, @before, @after)",
            new { at = StoredTime.Format(at), who, action, entity, before, after }, transaction);

    /// <summary>The newest entries first.</summary>
    public static IReadOnlyList<AuditEntry> Latest(DbConnection connection, int count = 200, DbTransaction? transaction = null) =>
        connection.Query<Row>(
                "SELECT id, at, who, action, entity, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT @count", new { count }, transaction)
            .Select(r => new AuditEntry(r.Id, StoredTime.Parse(r.At), r.Who, r.Action, r.Entity, r.Before_Json, r.After_Json))
            .ToList();

    /// <summary>The newest entry of <paramref name="action"/> on <paramref name="entity"/>, or null.</summary>
    public static AuditEntry? LatestOf(DbConnection connection, string action, string entity) =>
        connection.Query<Row>(
                "SELECT id, at, who, action, entity, before_json, after_json FROM audit_log WHERE action = @action AND entity = @entity ORDER BY id DESC LIMIT 1",
                new { action, entity })
            .Select(r => new AuditEntry(r.Id, StoredTime.Parse(r.At), r.Who, r.Action, r.Entity, r.Before_Json, r.After_Json))
            .FirstOrDefault();

    private sealed class Row
    {
        public long Id { get; set; }
        public string At { get; set; } = "";
        public string Who { get; set; } = "";
        public string Action { get; set; } = "";
        public string Entity { get; set; } = "";
        public string? Before_Json { get; set; }
        public string? After_Json { get; set; }
    }
}

/// <summary>Reads the audit log, for <c>/staff/audit</c> and the letters page's last send.</summary>
public static class AuditTrail
{
    /// <summary>The newest entries first.</summary>
    public static IReadOnlyList<AuditEntry> Latest(DbConnection connection, int count = 200) => AuditLog.Latest(connection, count);

    /// <summary>The newest entry of <paramref name="action"/> on <paramref name="entity"/>, or null.</summary>
    public static AuditEntry? LatestOf(DbConnection connection, string action, string entity) => AuditLog.LatestOf(connection, action, entity);
}
