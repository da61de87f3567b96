using System.Text.Json.Serialization;

namespace Upheld.Letters;

/// <summary>One year's annual review letter as data: its dates, fixed text, signatory, data-paragraph wording and statistics blocks.</summary>
/// <remarks>
/// Loaded from an edition file (<c>Editions/*.json</c>); adding a year's letter is adding a file, not code.
/// Text may hold <c>{placeholders}</c> (see <see cref="LetterComposer"/>), <c>**bold**</c> and <c>[link](url)</c>.
/// </remarks>
public sealed record Edition
{
    /// <summary>Short name used in file names and hashes, such as "2020".</summary>
    public required string Id { get; init; }

    /// <summary>The data years this edition writes letters for, written like "2019-20".</summary>
    public required IReadOnlyList<string> DataYears
    {
        get;
        init
        {
            field = value;
            Years = value.Select(text => FinancialYear.TryParse(text, out var year)
                ? year.Value : throw new InvalidDataException($"data year '{text}' is not a financial year such as 2019-20")).ToList();
        }
    }

    /// <summary>The <see cref="DataYears"/>, parsed once as the edition is read.</summary>
    [JsonIgnore] public IReadOnlyList<FinancialYear> Years { get; private init; } = [];

    /// <summary>True for an edition written to show the mechanism: every page says it is not the ombudsman's text.</summary>
    public bool Illustrative { get; init; }

    /// <summary>What every page of an illustrative edition says about itself.</summary>
    public string? IllustrativeNotice { get; init; }

    public required string Letterhead { get; init; }
    public required DateOnly LetterDate { get; init; }
    public required DateOnly PublicationDate { get; init; }
    public required string Delivery { get; init; }
    public required string Title { get; init; }

    /// <summary>Named figures of the year (training delegates, courses…) that the fixed text refers to as <c>{name}</c>.</summary>
    public IReadOnlyDictionary<string, string> Figures { get; init; } = new Dictionary<string, string>();

    /// <summary>The letter's sections in order; one of them is the slot for the authority-specific paragraphs.</summary>
    public required IReadOnlyList<EditionSection> Sections { get; init; }

    public required EditionParagraphs DataParagraphs { get; init; }
    public required string SignOff { get; init; }
    public required Signatory Signatory { get; init; }

    /// <summary>The statistics blocks, in the order they are printed.</summary>
    public required IReadOnlyList<StatisticBlockText> Statistics { get; init; }

    /// <summary>The signature image's bytes, read beside the edition file.</summary>
    [JsonIgnore] public byte[] SignatureImage { get; init; } = [];

    /// <summary>A hash of the edition file and its signature image: a letter changes when its edition does.</summary>
    [JsonIgnore] public string Hash { get; init; } = "";

    public bool Serves(FinancialYear year) => Years.Contains(year);
}

/// <summary>A run of fixed paragraphs under an optional heading, or the slot where authority-specific paragraphs go.</summary>
public sealed record EditionSection
{
    public string? Heading { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>True for the place where paragraphs written from data and commentary go.</summary>
    public bool AuthorityParagraphs { get; init; }
}

/// <summary>Who signs the letter, and the signature image supplied with the edition.</summary>
/// <param name="Image">File name of the signature image in the editions folder.</param>
/// <param name="ImageDescription">The image's text alternative.</param>
public sealed record Signatory(string Name, IReadOnlyList<string> Lines, string Image, string ImageDescription);

/// <summary>The wording of the paragraphs written from data; <c>One</c> and <c>Many</c> variants follow the count.</summary>
/// <param name="ComplaintHandling">The complaint-handling paragraphs; null in an edition without them (those before 2026).</param>
/// <param name="ServiceAreaSignals">The paragraph on the council's service-area signals, off unless staff switch it on; <c>{signals}</c>
/// is their words, strongest first, each a sentence, and <c>{count}</c> how many. Null in an edition without it (those before 2026).</param>
public sealed record EditionParagraphs(
    CountedText LateRemedies,
    string PublicReport,
    string PublicReportRemedy,
    string PublicReportPrompt,
    ComplaintHandlingText? ComplaintHandling = null,
    CountedText? ServiceAreaSignals = null);

/// <summary>
/// The wording of the paragraphs on the council's complaint handling in the year the letter reports on (docs/architecture.md,
/// "Where to add… a letter paragraph"), each written only when its data says so and each switchable by staff.
/// </summary>
/// <param name="NotReceivedByDeadline">No self-assessment received by the year's deadline, nor since; <c>{deadline}</c> is its date.</param>
/// <param name="ReceivedLate">A self-assessment received after the deadline; <c>{deadline}</c> and <c>{received}</c> are the two dates.</param>
/// <param name="NotReceived">No self-assessment received, in a year with no deadline set.</param>
/// <param name="SectionsNotFollowed">The self-assessment declares sections not followed; <c>{sections}</c> names them, <c>{count}</c> counts them.</param>
/// <param name="Stage1InTimeBelow">The printed share of stage 1 complaints answered in time is below this whole percentage.</param>
/// <param name="Stage1InTime">The paragraph for that share; <c>{figure}</c> is the printed share, <c>{in_time}</c> and <c>{responded}</c> its counts.</param>
public sealed record ComplaintHandlingText(
    string NotReceivedByDeadline,
    string ReceivedLate,
    string NotReceived,
    CountedText SectionsNotFollowed,
    int Stage1InTimeBelow,
    string Stage1InTime);

/// <summary>A text in its singular and plural forms; <c>{count}</c> is the count in words up to nine.</summary>
public sealed record CountedText(string One, string Many)
{
    public string For(int count) => (count == 1 ? One : Many).Replace("{count}", LetterWords.Count(count), StringComparison.Ordinal);
}

/// <summary>How one statistic is printed: heading, rate and average sentences, count tile, "based on" line and note.</summary>
/// <param name="Statistic">uphold, compliance, satisfactory_remedy or upheld_per_100k.</param>
/// <param name="CountOf">Which count the count tile shows (upheld, satisfactory_remedies); null for a block without one.</param>
/// <param name="Basis">The "based on" line with <c>{n}</c> and <c>{noun}</c>.</param>
/// <param name="BasisCount">Which count the "based on" line gives: investigations, upheld or compliance_outcomes.</param>
public sealed record StatisticBlockText(
    string Statistic,
    string Heading,
    string Rate,
    string Average,
    string? CountOf,
    Noun? CountNoun,
    string Basis,
    string BasisCount,
    Noun BasisNoun,
    string? Note);

/// <summary>A noun in singular and plural: "upheld decision", "upheld decisions".</summary>
public sealed record Noun(string One, string Many)
{
    public string For(long count) => count == 1 ? One : Many;
}
