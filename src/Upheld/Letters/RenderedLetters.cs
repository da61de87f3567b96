using System.Data.Common;
using Dapper;

namespace Upheld.Letters;

/// <summary>Rendered letters kept by a hash of what was rendered and by format, so each is rendered once until it changes.</summary>
/// <remarks>The key (column <c>content_hash</c>) is the caller's: the PDF writer uses the hash of the HTML page it prints.</remarks>
public static class RenderedLetters
{
    public static byte[]? Find(DbConnection connection, string key, string format) =>
        connection.QueryFirstOrDefault<byte[]>(
            "SELECT body FROM letter_renders WHERE content_hash = @key AND format = @format", new { key, format });

    /// <summary>Keeps a rendering and drops older renderings of the same council, year and format.</summary>
    public static void Keep(DbConnection connection, Letter letter, string key, string format, byte[] body)
    {
        using var transaction = connection.BeginTransaction();
        var year = FinancialYear.Parse(letter.Year).StartYear;
        connection.Execute(
            "DELETE FROM letter_renders WHERE authority_code = @code AND year = @year AND format = @format",
            new { code = letter.AuthorityCode, year, format }, transaction);
        connection.Execute(
            "INSERT INTO letter_renders (content_hash, format, authority_code, year, body) VALUES (@key, @format, @code, @year, @body) ON CONFLICT DO NOTHING",
            new { key, format, code = letter.AuthorityCode, year, body }, transaction);
        transaction.Commit();
    }
}
