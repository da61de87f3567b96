using System.Data.Common;
using Upheld.Statistics;

namespace Upheld.Letters;

/// <summary>A letter as composed now, its content hash, and where it stands with staff.</summary>
public sealed record ComposedLetter(Letter Letter, Edition Edition, string ContentHash, ApprovalState Approval);

/// <summary>A request for letters that cannot be met: unknown council or year, no data, no edition.</summary>
public sealed class LetterRequestException(string message) : Exception(message);

/// <summary>Composes the year's letters from the current data, every time: one per council, or one council's.</summary>
public static class YearLetters
{
    public static IReadOnlyList<ComposedLetter> Compose(
        DbConnection connection, FinancialYear year, EditionCatalog editions, string? code = null, AverageMethod method = AverageMethod.Pooled,
        DbTransaction? transaction = null) =>
        Compose(connection, year, editions, code is null ? [] : [code], method, transaction);

    /// <summary>The letters of the named councils (every council of the year when none is named), in the order of the year's councils.</summary>
    /// <remarks>Averages are always those of every council of the year, however few letters are asked for.</remarks>
    public static IReadOnlyList<ComposedLetter> Compose(
        DbConnection connection, FinancialYear year, EditionCatalog editions, IReadOnlyCollection<string> codes, AverageMethod method = AverageMethod.Pooled,
        DbTransaction? transaction = null)
    {
        var edition = editions.For(year)
            ?? throw new LetterRequestException($"no letter edition serves {year}: editions serve {Served(editions)}");
        if (!LetterInputsQuery.HasData(connection, year, transaction))
            throw new LetterRequestException($"there is no data for {year}: import its decisions, compliance outcomes or counts first");
        var inputs = LetterInputsQuery.ForYear(connection, year, method, transaction);
        if (codes.Count > 0)
        {
            var existing = inputs.Select(i => i.Authority.Code).ToHashSet(StringComparer.Ordinal);
            if (codes.FirstOrDefault(c => !existing.Contains(c)) is { } unknown)
                throw new LetterRequestException($"{unknown} is not a council that existed in {year}");
            var wanted = codes.ToHashSet(StringComparer.Ordinal);
            inputs = inputs.Where(i => wanted.Contains(i.Authority.Code)).ToList();
        }
        var approvals = LetterReview.Approvals(connection, year, transaction);
        return inputs.Select(i =>
        {
            var letter = LetterComposer.Compose(edition, i);
            var hash = LetterHash.Of(letter, edition);
            return new ComposedLetter(letter, edition, hash, LetterReview.State(approvals.GetValueOrDefault(i.Authority.Code), hash));
        }).ToList();
    }

    private static string Served(EditionCatalog editions) =>
        string.Join(", ", editions.All.SelectMany(e => e.Years).Distinct().Order());
}
