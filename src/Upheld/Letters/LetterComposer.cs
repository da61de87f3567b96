using System.Text.RegularExpressions;
using Upheld.Statistics;

namespace Upheld.Letters;

/// <summary>Writes one council's letter from its inputs and the year's edition.</summary>
/// <remarks>
/// Placeholders in an edition's text: <c>{year_end}</c>, <c>{first_day}</c>, <c>{last_day}</c>, <c>{publication_date}</c>,
/// <c>{letter_date}</c>, and every name in the edition's <see cref="Edition.Figures"/>. Pure: no storage, no clock.
/// </remarks>
public static partial class LetterComposer
{
    public static Letter Compose(Edition edition, LetterInputs inputs)
    {
        var values = Values(edition, inputs.Year);
        string Fill(string text) => Placeholders(values, text);
        var sections = new List<LetterSection>();
        foreach (var section in edition.Sections)
        {
            if (section.AuthorityParagraphs)
            {
                var paragraphs = AuthorityParagraphs(edition, inputs).ToList();
                if (paragraphs.Count > 0) sections.Add(new LetterSection(section.Heading, paragraphs));
                continue;
            }
            sections.Add(new LetterSection(section.Heading, section.Paragraphs.Select(p => new LetterParagraph(Fill(p), "fixed")).ToList()));
        }
        var notices = new List<string>();
        if (edition.Illustrative) notices.Add(edition.IllustrativeNotice ?? "Illustrative edition: not the ombudsman's text.");
        if (inputs.Demonstration) notices.Add("Demonstration data: this letter was written from synthetic figures, not a real council's.");
        var contact = inputs.Contact ?? new Contact(null, null, "Chief Executive");
        var person = contact.Surname is { Length: > 0 } surname ? $"{contact.Honorific} {surname}".Trim() : null;
        return new Letter(
            inputs.Authority.Code, inputs.Authority.Name, inputs.Year.ToString(), edition.Id,
            edition.Letterhead, LetterWords.Date(edition.LetterDate), edition.Delivery,
            person is null ? [contact.Role, inputs.Authority.OfficialName] : [person, contact.Role, inputs.Authority.OfficialName],
            $"Dear {person ?? contact.Role}",
            Fill(edition.Title), sections, edition.SignOff, edition.Signatory,
            StatisticsBlocks.For(edition, inputs.Statistics, Fill), notices);
    }

    /// <summary>
    /// Late remedies, then public reports by issue date, then complaint handling, then the service-area signals when switched on,
    /// then commentary by position; switched-off ones left out.
    /// </summary>
    private static IEnumerable<LetterParagraph> AuthorityParagraphs(Edition edition, LetterInputs inputs)
    {
        var text = edition.DataParagraphs;
        var late = inputs.Statistics.Counts.CompliedLate;
        if (late > 0 && !inputs.SwitchedOff.Contains(DataParagraphs.LateRemedies))
            yield return new LetterParagraph(text.LateRemedies.For(late), DataParagraphs.LateRemedies);
        foreach (var report in inputs.PublicReports.OrderBy(r => r.Issued).ThenBy(r => r.CaseRef, StringComparer.Ordinal))
        {
            var key = DataParagraphs.PublicReport(report.CaseRef);
            if (inputs.SwitchedOff.Contains(key)) continue;
            var opening = text.PublicReport.Replace("{subject}", report.Subject ?? "", StringComparison.Ordinal);
            yield return new LetterParagraph(Join(opening, report.Summary), key);
            if (report.Remedies.Count == 0) continue;
            var remedy = text.PublicReportRemedy.Replace("{remedies}", LetterWords.Actions(report.Remedies), StringComparison.Ordinal);
            yield return new LetterParagraph(report.CompliedOnTime ? Join(remedy, text.PublicReportPrompt) : remedy, key);
        }
        if (text.ComplaintHandling is { } wording && inputs.ComplaintHandling is { } handling)
            foreach (var paragraph in ComplaintHandling(wording, handling, inputs.SwitchedOff)) yield return paragraph;
        // Off by default: a stored switch turns it on.
        if (text.ServiceAreaSignals is { } signalsText && inputs.SwitchedOff.Contains(DataParagraphs.ServiceAreaSignals) && inputs.ServiceAreaSignals is { Count: > 0 } signals)
            yield return new LetterParagraph(signalsText.For(signals.Count).Replace("{signals}", string.Join(" ", signals.Select(s => s + ".")), StringComparison.Ordinal),
                DataParagraphs.ServiceAreaSignals);
        foreach (var paragraph in inputs.Commentary) yield return new LetterParagraph(paragraph, "commentary");
    }

    /// <summary>
    /// The council's complaint handling in the year: no self-assessment by the deadline (none, or a late one), the sections it
    /// declared it does not follow, and a printed share of stage 1 complaints answered in time below the edition's threshold.
    /// </summary>
    private static IEnumerable<LetterParagraph> ComplaintHandling(ComplaintHandlingText wording, ComplaintHandlingInputs handling, IReadOnlySet<string> off)
    {
        var assessment = handling.SelfAssessment;
        var byDeadline = assessment is not null && (handling.Deadline is not { } deadline || assessment.SubmittedOn <= deadline);
        // One paragraph, in the words that fit: none by the deadline nor since, one that came after it, or none in a year without one.
        if (!byDeadline && !off.Contains(DataParagraphs.SelfAssessmentNotReceived))
            yield return new LetterParagraph(handling.Deadline is not { } date ? wording.NotReceived
                : (assessment is null ? wording.NotReceivedByDeadline : wording.ReceivedLate.Replace("{received}", LetterWords.Date(assessment.SubmittedOn), StringComparison.Ordinal))
                    .Replace("{deadline}", LetterWords.Date(date), StringComparison.Ordinal), DataParagraphs.SelfAssessmentNotReceived);

        // Named by the Code's section number and title: "4 (Complaint handling resources)".
        var gaps = (assessment?.Rows ?? []).Where(r => !r.Follows)
            .Select(r => Upheld.ComplaintHandling.CodeSections.Find(r.Section) is { } s ? $"{s.Section} ({s.Title})" : r.Section).ToList();
        if (gaps.Count > 0 && !off.Contains(DataParagraphs.SectionsNotFollowed))
            yield return new LetterParagraph(wording.SectionsNotFollowed.For(gaps.Count).Replace("{sections}", LetterWords.List(gaps), StringComparison.Ordinal),
                DataParagraphs.SectionsNotFollowed);

        // The share as printed decides, so a letter never says "below 80%" of a figure it prints as 80%.
        if (handling.Stage1 is { Responded: > 0 } stage1 && Figure.Proportion(stage1.InTime, stage1.Responded) is { Exact: { } share, Text: { } printed }
            && (share * 100).RoundHalfAwayFromZero() < wording.Stage1InTimeBelow && !off.Contains(DataParagraphs.Stage1InTime))
            yield return new LetterParagraph(wording.Stage1InTime.Replace("{figure}", printed, StringComparison.Ordinal)
                .Replace("{in_time}", LetterWords.Count(stage1.InTime), StringComparison.Ordinal)
                .Replace("{responded}", LetterWords.Count(stage1.Responded), StringComparison.Ordinal), DataParagraphs.Stage1InTime);
    }

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first} {second.Trim()}";

    private static Dictionary<string, string> Values(Edition edition, FinancialYear year)
    {
        var values = new Dictionary<string, string>(edition.Figures, StringComparer.Ordinal)
        {
            ["year_end"] = LetterWords.Date(year.LastDay),
            ["first_day"] = LetterWords.Date(year.FirstDay),
            ["last_day"] = LetterWords.Date(year.LastDay),
            ["publication_date"] = LetterWords.Date(edition.PublicationDate),
            ["letter_date"] = LetterWords.Date(edition.LetterDate),
        };
        return values;
    }

    /// <summary>Replaces every <c>{name}</c>; an unknown name is an error in the edition, never left in a letter.</summary>
    internal static string Placeholders(IReadOnlyDictionary<string, string> values, string text) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v : throw new InvalidDataException($"unknown placeholder {m.Value} in the edition's text"));

    [GeneratedRegex(@"\{([a-z_0-9]+)\}")]
    private static partial Regex Placeholder();
}
