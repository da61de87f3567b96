namespace Upheld.Letters;

/// <summary>One council's annual review letter, composed and ready to render: every word is decided here.</summary>
/// <remarks>Text runs may carry <c>**bold**</c> and <c>[link](url)</c> markup; renderers turn it into their own.</remarks>
public sealed record Letter(
    string AuthorityCode,
    string AuthorityName,
    string Year,
    string EditionId,
    string Letterhead,
    string Date,
    string Delivery,
    IReadOnlyList<string> Addressee,
    string Salutation,
    string Title,
    IReadOnlyList<LetterSection> Sections,
    string SignOff,
    Signatory Signatory,
    IReadOnlyList<StatisticBlock> Statistics,
    IReadOnlyList<string> Notices)
{
    /// <summary>True when the letter carries a notice outside its own text (illustrative edition, demonstration data).</summary>
    public bool IsMarked => Notices.Count > 0;
}

/// <summary>Paragraphs under an optional heading.</summary>
public sealed record LetterSection(string? Heading, IReadOnlyList<LetterParagraph> Paragraphs);

/// <summary>A paragraph and where it came from: "fixed", a data paragraph's key, or "commentary".</summary>
public sealed record LetterParagraph(string Text, string Source);

/// <summary>One statistic as printed on the statistics pages.</summary>
/// <param name="Rate">The rate sentence, the figure in bold where the original has it.</param>
/// <param name="Figure">The printed figure alone ("86%"), for pages that show it apart from the sentence.</param>
/// <param name="Count">The count tile: the number and its noun; null for a block without one.</param>
public sealed record StatisticBlock(
    string Statistic,
    string Heading,
    string Figure,
    string Rate,
    string Average,
    (string Number, string Noun)? Count,
    string Basis,
    string? Note);
