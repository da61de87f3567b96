using System.Globalization;
using Upheld.Signals;
using Upheld.Statistics;
using Upheld.Web.Trends;

namespace Upheld.Web.Councils;

/// <summary>One published year of a council as its trend charts need it.</summary>
/// <param name="CaseMix">The council's case-mix ratio of the year.</param>
/// <param name="TypeRatio">The councils of its type taken together: their upheld ÷ their expected; null when they expected none.</param>
public sealed record CouncilTrendYear(FinancialYear Year, string Href, AuthorityStatistics Statistics, CaseMixRatio CaseMix, Rational? TypeRatio);

/// <summary>A council's statistics over the years as trend charts: each with its interval, the average of similar councils and the breaks.</summary>
public static class CouncilTrends
{
    public static IReadOnlyList<TrendSeries> For(IReadOnlyList<CouncilTrendYear> years, string typePlural)
    {
        var average = $"the average of {typePlural}";
        return
        [
            Proportion("trend-uphold", "Complaints upheld", years, s => s.Uphold, s => (s.Counts.Upheld, s.Counts.Investigations),
                "detailed investigations upheld", "no detailed investigations", average),
            new TrendSeries("trend-case-mix", "Upheld against expected, given the council's mix of services", "the council's ratio", TrendScale.Ratio,
                years.Select(y => CaseMixPoint(y, typePlural)).ToList(), $"the ratio of {typePlural} taken together"),
            Proportion("trend-compliance", "Compliance with recommendations", years, s => s.Compliance, s => (s.Counts.Complied, s.Counts.ComplianceOutcomes),
                "compliance outcomes where the council carried out the recommendations", "no compliance outcomes", average),
            Proportion("trend-satisfactory-remedy", "Satisfactory remedies provided by the council", years, s => s.SatisfactoryRemedy,
                s => (s.Counts.SatisfactoryRemedies, s.Counts.Upheld), "upheld complaints the council had already put right", "no upheld decisions", average),
            new TrendSeries("trend-per-100k", "Upheld complaints per 100,000 residents", "the council's figure", TrendScale.Amount,
                years.Select(y =>
                {
                    var s = y.Statistics.UpheldPer100k;
                    var label = s.Value.Text is { } text
                        ? $"{y.Year}: {text} per 100,000 residents (95% interval {Rate(s.Interval?.Low)} to {Rate(s.Interval?.High)}){AverageWords(s.Average.Text, average)}"
                        : $"{y.Year}: no population estimate";
                    return new TrendPoint(y.Year, s.Value.Rate, s.Interval?.Low, s.Interval?.High, s.Average.Rate, label, y.Href);
                }).ToList(),
                average, years.Any(y => y.Year.StartYear < 2022) ? "Before 2022-23 this figure is Upheld's addition, not one the ombudsman published." : null),
        ];
    }

    private static TrendSeries Proportion(string id, string title, IReadOnlyList<CouncilTrendYear> years, Func<AuthorityStatistics, Statistic> pick,
        Func<AuthorityStatistics, (long Part, long Whole)> counts, string what, string none, string average) =>
        new(id, title, "the council's figure", TrendScale.Percent, years.Select(y =>
        {
            var s = pick(y.Statistics);
            var (part, whole) = counts(y.Statistics);
            var label = s.Value.Text is { } text
                ? $"{y.Year}: {text}, {part:N0} of {whole:N0} {what} (95% interval {Percent(s.Interval?.Low)} to {Percent(s.Interval?.High)}){AverageWords(s.Average.Text, average)}"
                : $"{y.Year}: {none}";
            return new TrendPoint(y.Year, s.Value.Rate, s.Interval?.Low, s.Interval?.High, s.Average.Rate, label, y.Href);
        }).ToList(), average);

    private static TrendPoint CaseMixPoint(CouncilTrendYear y, string typePlural)
    {
        var r = y.CaseMix;
        var together = y.TypeRatio is { } t ? $"; {typePlural} taken together {CaseMixText.Ratio(t)}" : "";
        var label = r.RatioText is { } text
            ? $"{y.Year}: {text}, {r.ObservedUpheld:N0} upheld where {r.ExpectedText} were expected " +
              $"(95% interval {CaseMixText.Bound(r.Interval!.Value.Low)} to {CaseMixText.Bound(r.Interval!.Value.High)}){together}"
            : $"{y.Year}: no detailed investigations";
        return new TrendPoint(y.Year, r.Ratio?.Nearest(), r.Interval?.Low, r.Interval?.High, y.TypeRatio?.Nearest(), label, y.Href);
    }

    private static string AverageWords(string? average, string name) => average is null ? "" : $"; {name} {average}";

    private static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) : "–";
}
