using Dapper;
using Upheld.Csv;

namespace Upheld.Import;

/// <summary>Which stored recommendation: its case, kind and the hash of its words, the key imports use (docs/data-formats.md, "Additive").</summary>
public sealed record RecommendationKey(string CaseRef, string Kind, string TextHash)
{
    public static RecommendationKey Of(string caseRef, string kind, string? text) => new(caseRef, kind, Hash(text ?? ""));

    /// <summary>The stored hash of a recommendation's words, as the import keys them.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
}

/// <summary>The steps around an import that turn its one recommendation row into a correction of a stored one.</summary>
/// <remarks>
/// Before the row is read, the stored recommendation is taken out (its place in the letter's list kept aside); the import
/// then adds the corrected row with every check it makes; after, the row gets the old place back. All in the import's transaction.
/// </remarks>
internal sealed class RecommendationCorrection(RecommendationKey original, byte[] file)
{
    private const string Where = "case_ref = @CaseRef AND kind = @Kind AND text_hash = @TextHash";
    private long _place;
    private RecommendationKey? _corrected;

    public void Before(ImportRun run)
    {
        run.File = "recommendations.csv";
        var place = run.Connection.ExecuteScalar<long?>($"SELECT seq FROM recommendations WHERE {Where}", original, run.Transaction);
        if (place is null)
        {
            run.Report(2, "text", "the recommendation to correct is no longer stored (someone may have just corrected it); choose it again from its case");
            return;
        }
        _place = place.Value;
        // The row as the import will read it, so the key compared here is the key the import will write.
        if (FirstRow() is { } row)
        {
            _corrected = RecommendationKey.Of(row["case_ref"] ?? "", row["kind"] ?? "", row.Text("text"));
            if (_corrected != original && run.Connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM recommendations WHERE {Where}", _corrected, run.Transaction) > 0)
            {
                run.Report(row.Line, "text", $"case {_corrected.CaseRef} already has another {_corrected.Kind} recommendation with these words; " +
                    "change the words, or correct that recommendation instead");
                // Set aside in the transaction that this problem rolls back, so the row's other fields are still checked
                // as an import checks them, without a second complaint about the same key.
                run.Connection.Execute($"DELETE FROM recommendations WHERE {Where}", _corrected, run.Transaction);
            }
        }
        run.Connection.Execute($"DELETE FROM recommendations WHERE {Where}", original, run.Transaction);
    }

    public void After(ImportRun run)
    {
        if (_corrected is not null)
            run.Connection.Execute($"UPDATE recommendations SET seq = @place WHERE {Where}",
                new { place = _place, _corrected.CaseRef, _corrected.Kind, _corrected.TextHash }, run.Transaction);
    }

    private CsvRow? FirstRow()
    {
        try
        {
            static void Ignore(int line, string? column, string reason) { } // the import reports the file's problems itself
            return CsvTable.Open("recommendations.csv", CsvReader.Decode(file), [], Ignore)?.Rows(Ignore).Cast<CsvRow?>().FirstOrDefault();
        }
        catch (CsvFormatException)
        {
            return null;
        }
    }
}
