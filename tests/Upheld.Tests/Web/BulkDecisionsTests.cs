using System.IO.Compression;
using System.Net;
using Upheld.Import;
using Upheld.Statistics;
using Upheld.Storage;
using Upheld.Tests.Import;
using Upheld.Tests.Storage;

namespace Upheld.Tests.Web;

/// <summary>The bulk download of a year's decisions: every decision, in the import's columns, reloading to the same figures.</summary>
public abstract class BulkDecisionsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [SkippableFact]
    public async Task A_year_s_decisions_reload_into_an_empty_database_to_the_same_uphold_and_remedy_figures()
    {
        var response = await Site.Client.GetAsync("/years/2019-20/decisions.csv.gz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/gzip", response.Content.Headers.ContentType?.MediaType);
        string csv;
        await using (var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip)) csv = await reader.ReadToEndAsync();

        var published = CountsQuery.ForYear(Site.Database, new FinancialYear(2019)).Where(c => c.Decided > 0).ToDictionary(c => c.Code);
        var records = Upheld.Csv.CsvReader.Read(csv).ToList();
        Assert.StartsWith("case_ref,authority_code,received_date,decision_date,category,subcategory,outcome,remedied_by_authority,summary\r\n", csv);
        Assert.Equal(published.Values.Sum(c => c.Decided), records.Count - 1); // one row per decision decided in the year

        using var empty = TestDatabase.Create(Site.Database.Provider);
        using var folder = new ImportFolder().WithBytes("decisions.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        var result = new Importer(empty.Database).Import(folder.Path);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Lines()));
        var reloaded = CountsQuery.ForYear(empty.Database, new FinancialYear(2019)).Where(c => c.Decided > 0).ToDictionary(c => c.Code);

        Assert.Equal(published.Keys.Order(), reloaded.Keys.Order());
        foreach (var (code, counts) in published)
            Assert.Equal((counts.Decided, counts.Upheld, counts.Investigations, counts.SatisfactoryRemedies),
                (reloaded[code].Decided, reloaded[code].Upheld, reloaded[code].Investigations, reloaded[code].SatisfactoryRemedies));
    }

    [SkippableFact]
    public void An_earlier_file_of_the_same_decisions_is_kept_byte_for_byte_and_any_other_is_made_afresh()
    {
        // The static export passes its previous copy of the file: compressing is what making it costs.
        using var connection = Site.Database.Connect();
        var year = new FinancialYear(2019);
        var afresh = Upheld.Cases.YearDecisionsFile.Gzipped(connection, year);
        var csv = Decompress(afresh);
        var folder = Directory.CreateTempSubdirectory("upheld-bulk-");
        try
        {
            var earlier = Path.Combine(folder.FullName, "decisions.csv.gz");
            // The same content compressed another way: kept as it is, though a fresh making's bytes differ.
            var fastest = Compress(csv, CompressionLevel.Fastest);
            Assert.NotEqual(afresh, fastest);
            File.WriteAllBytes(earlier, fastest);
            Assert.Equal(fastest, Upheld.Cases.YearDecisionsFile.Gzipped(connection, year, earlier));
            // A byte of content short, or not gzip at all: made afresh, byte for byte what is made without an earlier file.
            File.WriteAllBytes(earlier, Compress(csv[..^1], CompressionLevel.Optimal));
            Assert.Equal(afresh, Upheld.Cases.YearDecisionsFile.Gzipped(connection, year, earlier));
            File.WriteAllBytes(earlier, "not gzip"u8.ToArray());
            Assert.Equal(afresh, Upheld.Cases.YearDecisionsFile.Gzipped(connection, year, earlier));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] Decompress(byte[] gzipped)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }

    private static byte[] Compress(byte[] content, CompressionLevel level)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level, leaveOpen: true)) gzip.Write(content);
        return buffer.ToArray();
    }
}

public sealed class SqliteBulkDecisionsTests() : BulkDecisionsTests(DatabaseProvider.Sqlite);

public sealed class PostgresBulkDecisionsTests() : BulkDecisionsTests(DatabaseProvider.PostgreSql);
