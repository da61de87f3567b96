using Dapper;
using Upheld.Demo;
using Upheld.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Demo;

/// <summary>The dataset written out twice, by two generations: compared with each other, and the first imported back.</summary>
public sealed class TwoDemoExports : IDisposable
{
    public TemporaryFolder First { get; } = new();
    public TemporaryFolder Second { get; } = new();

    public TwoDemoExports()
    {
        DemoDataset.Export(First.Path);
        DemoDataset.Export(Second.Path);
    }

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
    }
}

/// <summary>The dataset is deterministic, respects councils' lifetimes, and doubles as a worked import folder.</summary>
[Collection(DemoDatabase.Collection)]
public class DemoDatasetTests(DemoDatabase demo, TwoDemoExports exports) : IClassFixture<TwoDemoExports>
{
    [Fact]
    public void Two_generations_write_byte_identical_folders()
    {
        var (first, second) = (exports.First, exports.Second);

        var files = Directory.GetFiles(first.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("decisions.csv", files);
        Assert.All(files, f => Assert.True(
            File.ReadAllBytes(Path.Combine(first.Path, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Path, f!))), $"{f} differs"));
    }

    [Fact]
    public void The_exported_folder_imports_back_to_the_same_statistics()
    {
        using var store = TestDatabase.Sqlite();

        var result = new Importer(store.Database).Import(exports.First.Path);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        foreach (var year in DemoYears.All)
            Assert.Equal(DemoDatabase.Json(demo.Database, year.Year), DemoDatabase.Json(store.Database, year.Year));
    }

    [Fact]
    public void Serve_demo_loads_only_into_an_empty_database()
    {
        Assert.False(DemoDataset.LoadIfEmpty(demo.Database));
    }

    [Fact]
    public void No_case_belongs_to_a_council_outside_its_lifetime()
    {
        using var connection = demo.Database.Connect();
        foreach (var table in new[] { "received", "decisions", "compliance", "public_reports" })
        {
            var outside = connection.ExecuteScalar<long>(
                $"""
                SELECT COUNT(*) FROM {table} t JOIN authorities a ON a.code = t.authority_code
                WHERE (a.valid_to IS NOT NULL AND a.valid_to < (t.year || '-04-01')) OR (a.valid_from IS NOT NULL AND a.valid_from > (t.year || '-04-01'))
                """);
            Assert.Equal(0L, outside);
        }
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE authority_code = 'E10000002' AND year > 2019"));
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE authority_code = 'E06000060' AND year = 2020") > 0,
            "Buckinghamshire Council, created in 2020, has cases from its first year");
    }

    [Fact]
    public void Decisions_span_the_nine_categories_with_summaries_and_remedies()
    {
        using var connection = demo.Database.Connect();
        Assert.Equal(9L, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT category) FROM decisions"));
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM decisions WHERE summary IS NULL OR subcategory IS NULL"));
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM recommendations WHERE kind = 'service_improvement'") > 1000);
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM recommendations WHERE amount_pence > 0") > 1000);
        Assert.Equal(3L, connection.ExecuteScalar<long>("SELECT COUNT(DISTINCT outcome) FROM compliance"));
    }
}

/// <summary>A temporary folder, deleted afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"upheld-demo-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
