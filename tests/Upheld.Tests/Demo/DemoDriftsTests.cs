using Upheld.Demo;
using Upheld.Publishing;
using Upheld.Signals;

namespace Upheld.Tests.Demo;

/// <summary>
/// The rises planted in the demonstration data (docs/operations.md, "Planted rises") are what the early warning is for: at least 80%
/// of them are signals, in the figures as computed and in each year's published snapshot, and every signal is written in words.
/// </summary>
[Collection(DemoDatabase.Collection)]
public sealed class DemoDriftsTests(DemoDatabase demo)
{
    [Fact]
    public void At_least_four_in_five_planted_rises_are_signals_as_computed_and_as_published()
    {
        var flagged = new List<Drifts.Drift>();
        foreach (var year in Drifts.Planted.Select(d => d.Year).Distinct())
        {
            var signals = SignalsQuery.Compute(demo.Database, year).Signals;
            Dictionary<string, CouncilSignals> published;
            using (var connection = demo.Database.Connect())
                published = PublishedFigures.ForYear(connection, year, PublishedKinds.Signals).ToDictionary(p => p.Key, p => SignalsRecord.Parse(p.Value.RecordJson));
            foreach (var drift in Drifts.Planted.Where(d => d.Year == year))
            {
                var computed = signals.Any(s => s.Code == drift.Code && s.Category == drift.Category);
                Assert.Equal(computed, published[drift.Code].Signals.Any(s => s.Category == drift.Category));
                if (computed) flagged.Add(drift);
            }
            // Each planted rise moved at least 12 upheld investigations into the service: the council's count is S + 12 or more.
            foreach (var s in signals.Where(s => Drifts.Planted.Contains(new Drifts.Drift(s.Code, year, s.Category))))
                Assert.True(s.Observed >= s.Previous + Drifts.Above, $"{s.Code} {s.Category}: {s.Observed} upheld after {s.Previous}");
        }
        Assert.True(flagged.Count * 5 >= Drifts.Planted.Count * 4,
            $"{flagged.Count} of {Drifts.Planted.Count} planted rises flagged; missed: {string.Join(", ", Drifts.Planted.Except(flagged))}");
    }
}
