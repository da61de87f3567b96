using System.Globalization;
using Upheld.Authorities;
using Upheld.ComplaintHandling;

namespace Upheld.Demo;

/// <summary>
/// Councils' own complaint returns and Code self-assessments for the years the Code asks for them (2024-25 on): most councils
/// send both, about one in ten sends nothing, and some declare sections they do not follow, with actions and target dates.
/// </summary>
/// <remarks>
/// Drawn from a random stream of their own, so adding them moves no case of the calibrated years. Each return is consistent
/// with the council's ombudsman figures: its stage 2 responses are of the order of the complaints the ombudsman received
/// (so the ratio per 100 is usually below 100, sometimes above), and a council the ombudsman upholds more often answers fewer
/// complaints in time and upholds more itself. A council's procedure is drawn once and drifts a little from year to year;
/// about one in thirty changes how it records complaints or how fast it answers, the swings staff review for.
/// </remarks>
internal static class ComplaintHandlingReturns
{
    public static readonly FinancialYear FirstYear = new(2024);

    private const double NotReceived = 0.1;
    private const double ReturnWithoutSelfAssessment = 0.04;
    private const double DeclaresGaps = 0.3;
    private const double ChangesRecording = 0.03;
    private const double ChangesPerformance = 0.03;

    public static (IReadOnlyList<string[]> Returns, IReadOnlyList<string[]> SelfAssessments) Generate(IReadOnlyList<DemoCase> cases)
    {
        var random = new DemoRandom(DemoDataset.Seed + 19);
        var returns = new List<string[]>();
        var assessments = new List<string[]>();
        var councils = ReferenceData.Councils().OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var years = DemoYears.All.Select(y => y.Year).Where(y => y >= FirstYear).ToList();
        var receivedIn = years.ToDictionary(y => y, y => cases.Where(c => FinancialYear.Containing(c.Received) == y)
            .GroupBy(c => c.ReceivedBy.Code).ToDictionary(g => g.Key, g => g.Count()));
        // A council's procedure changes little from one year to the next: its profile is drawn once, then drifts a little each year.
        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var received = receivedIn[year];
            var decided = cases.Where(c => c.DecisionYear == year && c.Outcome is "upheld" or "not_upheld").GroupBy(c => c.DecidedBy!.Code)
                .ToDictionary(g => g.Key, g => (Upheld: g.Count(c => c.Outcome == "upheld"), Investigated: g.Count()));
            var national = decided.Values.Sum(d => d.Upheld) / (double)Math.Max(1, decided.Values.Sum(d => d.Investigated));
            foreach (var council in councils.Where(c => c.ExistsIn(year)))
            {
                if (!profiles.TryGetValue(council.Code, out var profile))
                {
                    // The ombudsman's complaints about the council over the Code's years, so one year's chance count does not swing its own figures.
                    var ombudsman = years.Average(y => (double)receivedIn[y].GetValueOrDefault(council.Code));
                    profile = profiles[council.Code] = new Profile(Math.Max(1, ombudsman) * (0.7 + 1.1 * random.Uniform()), 5 + 7 * random.Uniform(),
                        (random.Uniform() - 0.5) * 0.16, (random.Uniform() - 0.5) * 0.16, (random.Uniform() - 0.5) * 0.16, (random.Uniform() - 0.5) * 0.16);
                }
                if (random.Chance(NotReceived)) continue;
                var (upheld, investigated) = decided.GetValueOrDefault(council.Code);
                // How much worse (positive) or better than the country the ombudsman finds the council, damped for small numbers.
                var strain = investigated == 0 ? 0 : (upheld / (double)investigated - national) * investigated / (investigated + 10.0);
                // Now and then a council changes how it records complaints, or its performance: the swings the submissions page checks for.
                var recording = random.Chance(ChangesRecording) ? (random.Chance(0.5) ? 0.45 : 1.8) : 0.9 + 0.2 * random.Uniform();
                var performance = random.Chance(ChangesPerformance) ? (random.Chance(0.5) ? -0.25 : 0.25) : (random.Uniform() - 0.5) * 0.06;

                var stage2Responded = Math.Max(1, (int)Math.Round(profile.Stage2 * (0.9 + 0.2 * random.Uniform())));
                var stage2Received = stage2Responded + random.Between(0, Math.Max(1, stage2Responded / 10));
                var stage1Responded = (int)Math.Round(profile.Stage2 * profile.Stage1PerStage2 * recording);
                var stage1Received = stage1Responded + random.Between(0, Math.Max(1, stage1Responded / 12));
                var stage1InTime = Share(stage1Responded, 0.86 - strain + profile.Stage1InTime + performance);
                var stage2InTime = Share(stage2Responded, 0.78 - strain + profile.Stage2InTime + performance);
                var stage1Upheld = Share(stage1Responded, 0.34 + strain / 2 + profile.Stage1Upheld);
                var stage2Upheld = Share(stage2Responded, 0.22 + strain / 2 + profile.Stage2Upheld);
                returns.Add(Row(council, year, 1, stage1Received, stage1Responded, stage1InTime, stage1Upheld));
                returns.Add(Row(council, year, 2, stage2Received, stage2Responded, stage2InTime, stage2Upheld));

                if (random.Chance(ReturnWithoutSelfAssessment)) continue;
                var submitted = new DateOnly(year.StartYear + 1, 5, 15).AddDays(random.Between(0, 45));
                var gaps = random.Chance(DeclaresGaps)
                    ? CodeSections.Ids.OrderBy(_ => random.Uniform()).Take(random.Between(1, 3)).ToHashSet()
                    : [];
                foreach (var section in CodeSections.All)
                {
                    var follows = !gaps.Contains(section.Id);
                    assessments.Add(
                    [
                        council.Code, year.ToString(), section.Id, follows ? "yes" : "no",
                        follows ? Evidence[random.Between(0, Evidence.Length - 1)] : "Reviewed by the complaints team; not yet in place.",
                        follows ? "" : Actions[random.Between(0, Actions.Length - 1)],
                        follows ? "" : Iso(new DateOnly(year.StartYear + 2, 3, 31).AddMonths(-3 * random.Between(0, 3))),
                        Iso(submitted),
                    ]);
                }
            }
        }
        return (returns, assessments);
    }

    /// <summary>A council's complaints procedure: stage 2 responses a year, stage 1 responses per stage 2, and its own lean on each share.</summary>
    private sealed record Profile(double Stage2, double Stage1PerStage2, double Stage1InTime, double Stage2InTime, double Stage1Upheld, double Stage2Upheld);

    private static long Share(int of, double rate)
    {
        var p = Math.Clamp(rate, 0.02, 0.99);
        var expected = of * p;
        return Math.Clamp((long)Math.Round(expected), 0, of);
    }

    private static string[] Row(Authority council, FinancialYear year, int stage, long received, long responded, long inTime, long upheld) =>
        [council.Code, year.ToString(), stage.ToString(CultureInfo.InvariantCulture), Whole(received), Whole(responded), Whole(inTime), Whole(upheld)];

    private static readonly string[] Evidence =
    [
        "Complaints policy, published on the council's website",
        "Complaints procedure and staff guidance",
        "Annual complaints report to the standards committee",
        "Complaint case management system records",
        "Training records for complaint handlers",
    ];

    private static readonly string[] Actions =
    [
        "Recruit a second complaints officer and review the team's capacity",
        "Publish the complaints policy in easy read and other formats",
        "Train every service's complaint handlers in the Code's timescales",
        "Report complaint themes to the Member Responsible for Complaints each quarter",
        "Remove the informal stage from the children's services procedure",
    ];

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
