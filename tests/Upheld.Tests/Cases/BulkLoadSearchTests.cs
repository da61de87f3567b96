using Upheld.Cases;
using Upheld.Import;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Cases;

/// <summary>A load large enough to drop and rebuild indexes leaves the full-text index complete and still kept in step.</summary>
public abstract class BulkLoadSearchTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear[] Published = [new(2019)];
    private const string Header = "case_ref,authority_code,received_date,decision_date,category,outcome,remedied_by_authority,summary";
    // Created on first use, inside the test, so that a missing PostgreSQL server skips the test rather than breaking its class.
    private readonly Lazy<TestDatabase> _store = new(() => TestDatabase.Create(provider));

    public void Dispose()
    {
        if (_store.IsValueCreated) _store.Value.Dispose();
    }

    [SkippableFact]
    public void Fifty_thousand_decisions_are_all_found_and_a_later_change_is_found_by_its_new_words()
    {
        var database = _store.Value.Database;
        database.Migrate();
        var schemaBefore = IndexesAndTriggers(database);
        var rows = new List<string> { Header };
        for (var i = 0; i < 50_000; i++)
            rows.Add($"B{i:D6},E10000034,,2019-06-01,Housing,upheld,false,\"{(i % 1000 == 0 ? "A zebra crossing" : "Repairs")} to the roof were delayed for months.\"");
        // Some 95 bytes a row, 4.7 MB: past the size at which an empty table's load drops its indexes (BulkLoad.SmallestBulkBytes).
        Assert.True(rows.Sum(r => r.Length + 1) >= BulkLoad.SmallestBulkBytes);
        using (var bulk = new ImportFolder().With("decisions.csv", [.. rows]))
            Assert.True(new Importer(database).Import(bulk.Path).Succeeded);

        // The load dropped the table's indexes and triggers (on PostgreSQL the trigger that works out a row's words when it
        // comes without them) and made them again, exactly as they were.
        Assert.Equal(schemaBefore, IndexesAndTriggers(database));
        Assert.Equal(50, DecisionSearch.Find(database, new("zebra"), Published).Total);
        // Every thousandth decision holds "zebra", so 50 found means the index reaches from the first row to the last.
        var repairs = DecisionSearch.Find(database, new("repairs"), Published);
        Assert.Equal((1000, true), (repairs.Total, repairs.MoreThanCounted));

        using var change = new ImportFolder().With("decisions.csv", Header, "B000001,E10000034,,2019-06-01,Housing,upheld,false,\"A zebra escaped.\"");
        Assert.True(new Importer(database).Import(change.Path, replace: true).Succeeded);
        Assert.Equal(51, DecisionSearch.Find(database, new("zebra"), Published).Total);

        // A decision written by plain SQL, without words, is given them by the store itself.
        using (var connection = database.Connect())
            Dapper.SqlMapper.Execute(connection,
                "INSERT INTO decisions (case_ref, authority_code, decision_date, year, outcome, remedied_by_authority, summary) " +
                "VALUES ('B999999', 'E10000034', '2019-06-02', 2019, 'upheld', 0, 'A zebra was found.')");
        Assert.Equal(52, DecisionSearch.Find(database, new("zebra"), Published).Total);
    }

    private static List<string> IndexesAndTriggers(Database database)
    {
        using var connection = database.Connect();
        return Dapper.SqlMapper.Query<string>(connection, database.Provider == DatabaseProvider.PostgreSql
            ? "SELECT indexdef FROM pg_indexes WHERE tablename = 'decisions' UNION ALL " +
              "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE t.tgrelid = 'decisions'::regclass AND NOT t.tgisinternal ORDER BY 1"
            : "SELECT sql FROM sqlite_master WHERE tbl_name = 'decisions' AND sql IS NOT NULL ORDER BY 1").ToList();
    }
}

public sealed class SqliteBulkLoadSearchTests() : BulkLoadSearchTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkLoadSearchTests() : BulkLoadSearchTests(DatabaseProvider.PostgreSql);
