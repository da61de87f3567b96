using System.Numerics;
using Upheld.Authorities;
using Upheld.Statistics;

namespace Upheld.ComplaintHandling;

/// <summary>A council's own figures for one stage of its complaints procedure in one year, as its return gives them.</summary>
/// <param name="InTime">Responses within the Code's timescale for the stage, any extension the Code allows included.</param>
/// <param name="Upheld">Complaints the council upheld in whole or in part.</param>
public sealed record StageReturn(long Received, long Responded, long InTime, long Upheld);

/// <summary>One row of a council's self-assessment against the Code.</summary>
public sealed record SelfAssessmentRow(string Section, bool Follows, string? Evidence, string? Action, DateOnly? TargetDate);

/// <summary>A council's self-assessment of one year: when it came and its rows in the template's order.</summary>
/// <param name="Late">Received after the year's submission deadline (<see cref="SubmissionDeadline"/>); false while none is set.</param>
public sealed record SelfAssessment(DateOnly SubmittedOn, bool Late, IReadOnlyList<SelfAssessmentRow> Rows)
{
    public int Follows => Rows.Count(r => r.Follows);
    public int DoesNotFollow => Rows.Count(r => !r.Follows);
}

/// <summary>Everything known about one council's complaint handling in one year: the engine's only input.</summary>
/// <param name="Ombudsman">The key statistics' counts of the council and year: complaints the ombudsman received, population.</param>
/// <param name="Stage1">Null when the council sent no stage 1 return.</param>
public sealed record ComplaintHandlingCounts(AuthorityYearCounts Ombudsman, StageReturn? Stage1, StageReturn? Stage2, SelfAssessment? SelfAssessment)
{
    public string Code => Ombudsman.Code;
    public string Name => Ombudsman.Name;
    public AuthorityType Type => Ombudsman.Type;
    public FinancialYear Year => Ombudsman.Year;
}

/// <summary>The complaint-handling figures of one council and year (docs/statistics.md, "Complaint handling").</summary>
/// <param name="Stage1InTime">Stage 1 responses in time ÷ stage 1 responses, with interval, average of similar councils and comparison.</param>
/// <param name="Stage1Upheld">Stage 1 complaints the council upheld ÷ stage 1 responses.</param>
/// <param name="Stage1Per10k">Stage 1 complaints received per 10,000 residents.</param>
/// <param name="OmbudsmanPer100Stage2">Complaints and enquiries the ombudsman received per 100 stage 2 responses: a ratio, not a rate.</param>
public sealed record ComplaintHandlingFigures(
    ComplaintHandlingCounts Counts,
    AverageMethod AverageMethod,
    Statistic Stage1InTime,
    Statistic Stage1Upheld,
    Statistic Stage2InTime,
    Statistic Stage2Upheld,
    Figure Stage1Per10k,
    Figure OmbudsmanPer100Stage2)
{
    public string Code => Counts.Code;
    public string Name => Counts.Name;
    public AuthorityType Type => Counts.Type;
    public FinancialYear Year => Counts.Year;
    public bool HasReturn => Counts.Stage1 is not null || Counts.Stage2 is not null;
}

/// <summary>Computes the complaint-handling figures of every council of a year, with the key statistics' rounding, intervals and averages.</summary>
/// <remarks>Pure: the caller gathers the counts (<see cref="ComplaintHandlingQuery"/>).</remarks>
public static class ComplaintHandlingEngine
{
    /// <summary>One result per council, ordered by code (ordinal); averages are pooled over the councils of its type in the year.</summary>
    public static IReadOnlyList<ComplaintHandlingFigures> Compute(IReadOnlyList<ComplaintHandlingCounts> councilsOfYear)
    {
        var averages = councilsOfYear.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => new
        {
            Stage1InTime = Pooled(g.Select(c => c.Stage1).Select(r => (r?.InTime ?? 0, r?.Responded ?? 0))),
            Stage1Upheld = Pooled(g.Select(c => c.Stage1).Select(r => (r?.Upheld ?? 0, r?.Responded ?? 0))),
            Stage2InTime = Pooled(g.Select(c => c.Stage2).Select(r => (r?.InTime ?? 0, r?.Responded ?? 0))),
            Stage2Upheld = Pooled(g.Select(c => c.Stage2).Select(r => (r?.Upheld ?? 0, r?.Responded ?? 0))),
        });
        return councilsOfYear.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c =>
        {
            var average = averages[c.Type];
            return new ComplaintHandlingFigures(c, AverageMethod.Pooled,
                Proportion(c.Stage1, r => r.InTime, average.Stage1InTime),
                Proportion(c.Stage1, r => r.Upheld, average.Stage1Upheld),
                Proportion(c.Stage2, r => r.InTime, average.Stage2InTime),
                Proportion(c.Stage2, r => r.Upheld, average.Stage2Upheld),
                OneDecimal(c.Stage1 is { } s1 && c.Ombudsman.Population is > 0 and var population
                    ? new Rational((BigInteger)s1.Received * 10_000, population) : null),
                OneDecimal(c.Stage2 is { Responded: > 0 } s2 ? new Rational((BigInteger)c.Ombudsman.Received * 100, s2.Responded) : null));
        }).ToList();
    }

    // Pooled like the key statistics (docs/statistics.md, "Averages for similar councils"): a council with no return adds 0 of 0.
    private static Figure Pooled(IEnumerable<(long Part, long Whole)> parts) =>
        Figure.Percentage(TypeAverages.Average(parts.Select(p => ((BigInteger)p.Part, (BigInteger)p.Whole)), AverageMethod.Pooled));

    private static Statistic Proportion(StageReturn? stage, Func<StageReturn, long> part, Figure average) => stage is null
        ? new Statistic(Figure.None, null, average, null)
        : Statistic.Of(Figure.Proportion(part(stage), stage.Responded), WilsonInterval.For(part(stage), stage.Responded), average);

    private static Figure OneDecimal(Rational? value) => value is { } v ? new Figure(v, DisplayRounding.OneDecimal(v)) : Figure.None;
}
