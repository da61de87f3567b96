using System.Globalization;
using Upheld.Statistics;

namespace Upheld.Web.Councils;

/// <summary>The words of one statistic's tile on a council page: the printed figure, its honest base, interval and comparison.</summary>
public sealed record StatisticTile(string Title, string Figure, string? Base, string? Average, string? Interval, string? Comparison, string? Note)
{
    /// <param name="what">What the numerator did, after "12 of 14 detailed investigations": "upheld".</param>
    public static StatisticTile Proportion(string title, Statistic statistic, long numerator, long denominator,
        string what, string denominatorSingular, string denominatorPlural, string typePlural)
    {
        if (statistic.Value.Text is null)
            return new StatisticTile(title, $"No {denominatorPlural}", null, AverageText(statistic, typePlural), null, null, null);
        return new StatisticTile(title, statistic.Value.Text,
            $"{numerator:N0} of {denominator:N0} {(denominator == 1 ? denominatorSingular : denominatorPlural)} {what}",
            AverageText(statistic, typePlural),
            statistic.Interval is { } i ? $"95% interval: {Percent(i.Low)} to {Percent(i.High)}" : null,
            ComparisonText(statistic.Comparison), null);
    }

    public static StatisticTile PerHundredThousand(Statistic statistic, long upheld, long? population, FinancialYear year, string typePlural)
    {
        var note = year.StartYear < 2022 ? "Upheld's addition: the ombudsman publishes this figure from 2022-23 onwards." : null;
        const string title = "Upheld complaints per 100,000 residents";
        if (statistic.Value.Text is null)
            return new StatisticTile(title, "No population estimate", null, AverageText(statistic, typePlural), null, null, note);
        return new StatisticTile(title, statistic.Value.Text,
            $"{upheld:N0} upheld {(upheld == 1 ? "decision" : "decisions")}; {population:N0} residents (ONS mid-year estimate)",
            AverageText(statistic, typePlural),
            statistic.Interval is { } i ? $"95% interval: {Rate(i.Low)} to {Rate(i.High)}" : null,
            ComparisonText(statistic.Comparison), note);
    }

    /// <summary>
    /// The case-mix ratio beside the raw uphold rate (docs/statistics.md, "Case-mix ratio"), with the one sentence that says what it means.
    /// </summary>
    /// <param name="revision">The council's case-mix record as published, when its counts or comparison have changed since.</param>
    public static StatisticTile CaseMix(Upheld.Signals.CaseMixRatio ratio, Rational? typeRatio, string typePlural, RecordRevision? revision = null)
    {
        const string title = "Upheld against expected, given the council's mix of services";
        var meaning = "The ratio of complaints upheld to those expected had each investigation been upheld at England's rate for its service, " +
            "so complaints about services the ombudsman often upholds (such as education) do not count against the council: above 1, more were upheld than its mix explains."
            + (revision is null ? "" : " " + AsPublished(revision));
        var together = typeRatio is { } t ? $"All {typePlural} taken together: {Upheld.Signals.CaseMixText.Ratio(t)}; every council in England: 1.00" : null;
        if (ratio.RatioText is not { } text) return new StatisticTile(title, "No detailed investigations", null, together, null, null, meaning);
        return new StatisticTile(title, text,
            $"{ratio.ObservedUpheld:N0} upheld where {ratio.ExpectedText} {(ratio.ExpectedText == "1" ? "was" : "were")} expected from its {ratio.Investigations:N0} " +
            $"{(ratio.Investigations == 1 ? "detailed investigation" : "detailed investigations")}",
            together,
            ratio.Interval is { } i ? $"95% interval: {Upheld.Signals.CaseMixText.Bound(i.Low)} to {Upheld.Signals.CaseMixText.Bound(i.High)}" : null,
            ratio.Comparison switch
            {
                Statistics.Comparison.Higher => "More upheld than its mix of services explains, by more than chance alone would explain.",
                Statistics.Comparison.Lower => "Fewer upheld than its mix of services explains, by more than chance alone would explain.",
                Statistics.Comparison.Similar => "About as many upheld as its mix of services explains: the difference could be chance.",
                _ => null,
            },
            meaning);
    }

    // "Revised on 3 September 2020; as published: 1.18, 80 upheld where 68 were expected, higher."
    private static string AsPublished(RecordRevision revision)
    {
        var published = System.Text.Json.Nodes.JsonNode.Parse(revision.PublishedJson)!;
        var rates = published["at_national_rates"]!;
        var when = revision.RevisedOn is { } on ? $"Revised on {on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "Revised since publication";
        return rates["ratio_text"]?.GetValue<string>() is { } ratio
            ? $"{when}; as published on {revision.PublishedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {ratio}, {published["observed_upheld"]} upheld where {rates["expected_upheld_text"]} were expected, {published["comparison"]}."
            : $"{when}; as published on {revision.PublishedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: no detailed investigations.";
    }

    private static string? AverageText(Statistic statistic, string typePlural) =>
        statistic.Average.Text is { } text ? $"Average of {typePlural}: {text}" : null;

    private static string? ComparisonText(Comparison? comparison) => comparison switch
    {
        Statistics.Comparison.Higher => "Higher than the average, by more than chance alone would explain.",
        Statistics.Comparison.Lower => "Lower than the average, by more than chance alone would explain.",
        Statistics.Comparison.Similar => "Similar to the average: the difference could be chance.",
        _ => null,
    };

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Rate(double rate) => rate.ToString("0.0", CultureInfo.InvariantCulture);
}
