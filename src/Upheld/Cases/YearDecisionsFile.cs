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
    public static byte[] Gzipped(DbConnection connection, FinancialYear year)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
            Write(connection, year, writer);
        return buffer.ToArray();
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
