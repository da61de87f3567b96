using System.Data.Common;
using Dapper;

namespace Upheld.Letters;

/// <summary>Rendered letters kept by content hash and format, so each is rendered once until its content changes.</summary>
public static class RenderedLetters
{
    public static byte[]? Find(DbConnection connection, string contentHash, string format) =>
        connection.QueryFirstOrDefault<byte[]>(
            "SELECT body FROM letter_renders WHERE content_hash = @contentHash AND format = @format", new { contentHash, format });

    /// <summary>Keeps a rendering and drops older renderings of the same council, year and format.</summary>
    public static void Keep(DbConnection connection, Letter letter, string contentHash, string format, byte[] body)
    {
        using var transaction = connection.BeginTransaction();
        var year = FinancialYear.Parse(letter.Year).StartYear;
        connection.Execute(
            "DELETE FROM letter_renders WHERE authority_code = @code AND year = @year AND format = @format",
            new { code = letter.AuthorityCode, year, format }, transaction);
        connection.Execute(
            "INSERT INTO letter_renders (content_hash, format, authority_code, year, body) VALUES (@contentHash, @format, @code, @year, @body) ON CONFLICT DO NOTHING",
            new { contentHash, format, code = letter.AuthorityCode, year, body }, transaction);
        transaction.Commit();
    }
}
