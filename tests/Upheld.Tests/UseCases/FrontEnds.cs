using Dapper;
using Upheld.Storage;
using Upheld.Tests.Cli;
using Upheld.Tests.Web;

namespace Upheld.Tests.UseCases;

/// <summary>Two sites over two fresh databases with the same starting data: one changed through the command line, one through the staff area.</summary>
/// <remarks>
/// The command line reads the system clock and the site a test clock, so comparisons leave out the columns that hold
/// the moment of the change (taken_at, revised_at, approved_at, the audit entry's time) and who made it (by design).
/// </remarks>
/// <param name="siteSettings">Configuration the site through which changes are made reads, such as its SMTP server.</param>
public sealed class FrontEnds(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? siteSettings = null) : IAsyncDisposable
{
    public SiteHost ThroughCli { get; } = new(provider: provider);
    public SiteHost ThroughSite { get; } = new(provider: provider, settings: siteSettings);

    /// <summary>Runs the command-line program against <see cref="ThroughCli"/>'s database.</summary>
    public CliRun Cli(params string[] arguments) => CliRun.Of([.. arguments, "--db", Db(ThroughCli.Database)]);

    public static string Db(Database database) => database.Provider == DatabaseProvider.Sqlite ? database.Description : database.ConnectionString;

    /// <summary>The rows <paramref name="sql"/> selects in each database, as text, for comparing.</summary>
    public (IReadOnlyList<string> Cli, IReadOnlyList<string> Site) Rows(string sql) => (Read(ThroughCli.Database, sql), Read(ThroughSite.Database, sql));

    /// <summary>The newest audit entry's action, entity, before and after.</summary>
    public const string LatestAudit = "SELECT action, entity, before_json, after_json FROM audit_log ORDER BY id DESC LIMIT 1";

    /// <summary>The year's published snapshot, without the moments it was taken or revised.</summary>
    public static string Snapshot(int year) =>
        $"SELECT kind, authority_code, record_json FROM published_records WHERE year = {year} UNION ALL " +
        $"SELECT 'l', authority_code, content_hash || letter_json FROM published_letters WHERE year = {year} UNION ALL " +
        $"SELECT 'revised ' || r.kind, r.authority_code, r.record_json FROM version_records r JOIN year_versions v ON v.year = r.year AND v.version = r.version " +
        $"WHERE r.year = {year} AND v.change <> 'publication'";

    /// <summary>The rows <paramref name="sql"/> selects in one database, as text, in order.</summary>
    public static List<string> Read(Database database, string sql)
    {
        using var connection = database.Connect();
        return connection.Query(sql).Select(r => string.Join(" | ", ((IDictionary<string, object?>)r).Values.Select(v => v?.ToString())))
            .Order(StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await ThroughCli.DisposeAsync();
        await ThroughSite.DisposeAsync();
    }
}
