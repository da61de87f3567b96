using System.Data.Common;
using System.IO.Compression;
using System.Text;
using Dapper;
using Upheld.Csv;
using Upheld.Import;

namespace Upheld.Cases;

/// <summary>
/// Every decision decided in a year, in the columns and order of the import's <c>decisions.csv</c>, gzipped: the bulk
/// download <c>/years/{year}/decisions.csv.gz</c> (docs/site-and-api.md), which <c>upheld import</c> reloads to the same
/// uphold and remedy figures.
/// </summary>
/// <remarks>
/// Written with the downloads' CSV writer, so a text field that a spreadsheet would run as a formula gains a leading
/// apostrophe; no column the figures are counted from (reference, council, dates, outcome, remedied) can begin so.
/// </remarks>
public static class YearDecisionsFile
{
    private sealed class Row
    {
        public string CaseRef { get; set; } = "";
        public string AuthorityCode { get; set; } = "";
        public string? ReceivedDate { get; set; }
        public string DecisionDate { get; set; } = "";
        public string? Category { get; set; }
        public string? Subcategory { get; set; }
        public string Outcome { get; set; } = "";
        public long RemediedByAuthority { get; set; }
        public string? Summary { get; set; }
    }

    /// <summary>The gzipped file's bytes; the rows stream from the store in case order.</summary>
    /// <param name="earlier">
    /// A file made before (the static export's copy being brought up to date): when it holds exactly this content, its own
    /// bytes are the answer. Compressing at the best level is most of what making the file costs (a year of the
    /// demonstration, 134 ms), and reading the earlier file back costs a tenth of it.
    /// </param>
    public static byte[] Gzipped(DbConnection connection, FinancialYear year, string? earlier = null)
    {
        if (earlier is not null && File.Exists(earlier))
        {
            var csv = new MemoryStream();
            using (var writer = new StreamWriter(csv, new UTF8Encoding(false), leaveOpen: true))
                Write(connection, year, writer);
            if (HoldsExactly(earlier, csv.GetBuffer().AsSpan(0, (int)csv.Length)) is { } kept) return kept;
        }
        // Streamed into the compressor, so only the compressed file is held. Always made this way: the compressor's bytes
        // depend on the pieces it is given, and a file made afresh must be the same whether or not an earlier one was read.
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
            Write(connection, year, writer);
        return buffer.ToArray();
    }

    /// <summary>The bytes of the gzipped <paramref name="file"/> when it decompresses to exactly <paramref name="content"/>; otherwise null.</summary>
    private static byte[]? HoldsExactly(string file, ReadOnlySpan<byte> content)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            var held = new MemoryStream(content.Length);
            gzip.CopyTo(held);
            return held.Length == content.Length && held.GetBuffer().AsSpan(0, content.Length).SequenceEqual(content) ? bytes : null;
        }
        catch (InvalidDataException)
        {
            return null; // not gzip: made afresh
        }
    }

    public static void Write(DbConnection connection, FinancialYear year, TextWriter writer)
    {
        CsvWriter.WriteRow(writer, CaseRow.Decision.Columns);
        foreach (var d in connection.Query<Row>(
                     """
                     SELECT case_ref, authority_code, received_date, decision_date, category, subcategory, outcome, remedied_by_authority, summary
                     FROM decisions WHERE year = @year ORDER BY case_ref
                     """, new { year = year.StartYear }, buffered: false))
            CsvWriter.WriteRow(writer, [d.CaseRef, d.AuthorityCode, d.ReceivedDate, d.DecisionDate, d.Category, d.Subcategory, d.Outcome,
                d.RemediedByAuthority != 0 ? "true" : "false", d.Summary]);
        writer.Flush();
    }
}
