using Upheld.Accounts;
using Upheld.Authorities;
using Upheld.ComplaintHandling;
using Upheld.Letters;
using Upheld.Statistics;
using Upheld.Storage;
using Upheld.Tests.Import;

namespace Upheld.Tests.Letters;

/// <summary>
/// The 2026 edition's complaint-handling paragraphs appear exactly when their data says so: no self-assessment by the deadline,
/// sections declared not followed (named), and a printed share of stage 1 complaints answered in time below 80%; each switchable.
/// </summary>
public sealed class ComplaintHandlingParagraphTests
{
    private static readonly FinancialYear Year = new(2025);
    private static readonly DateOnly Deadline = new(2026, 6, 24);
    private static readonly EditionCatalog Editions = EditionCatalog.Load();

    private static SelfAssessment Assessment(DateOnly submitted, params string[] notFollowed) => new(submitted, false,
        CodeSections.Ids.Select(id => new SelfAssessmentRow(id, !notFollowed.Contains(id), null, notFollowed.Contains(id) ? "Act" : null,
            notFollowed.Contains(id) ? new DateOnly(2027, 3, 31) : null)).ToList());

    private static StageReturn Stage1(long inTime, long responded) => new(responded + 10, responded, inTime, 0);

    /// <summary>Rutland's letter of 2025-26 from these complaint-handling inputs, every other input the same.</summary>
    private static IReadOnlyList<LetterParagraph> Paragraphs(ComplaintHandlingInputs? handling, FinancialYear? year = null, params string[] switchedOff)
    {
        var y = year ?? Year;
        var rutland = ReferenceData.Councils().Single(c => c.Code == "E06000017");
        var statistics = StatisticsEngine.Compute([new AuthorityYearCounts(rutland.Code, rutland.Name, rutland.Type, y, 12, 10, 3, 2, 1, 2, 0, 0, 41_000)]).Single();
        var inputs = new LetterInputs(rutland, y, null, statistics, [], [], switchedOff.ToHashSet(), false, handling);
        return LetterComposer.Compose(Editions.For(y)!, inputs).Sections.SelectMany(s => s.Paragraphs)
            .Where(p => p.Source.StartsWith("complaint_handling", StringComparison.Ordinal)).ToList();
    }

    private const string NotReceivedByDeadline =
        "We asked every council to send us its self-assessment against the Complaint Handling Code by 24 June 2026, with its annual complaints performance report. " +
        "We had not received the Council's self-assessment by that date, and have not received it since. The self-assessment is how a council shows its residents, its members and us that its " +
        "complaint handling meets the Code: I would ask the Council to complete it, publish it and send it to us.";

    [Fact]
    public void No_self_assessment_by_the_deadline_is_said_with_the_deadline_s_date_and_one_on_the_day_is_on_time()
    {
        var none = Paragraphs(new(Deadline, null, Stage1(160, 200)));
        var late = Paragraphs(new(Deadline, Assessment(Deadline.AddDays(1)), Stage1(160, 200)));
        var onTheDay = Paragraphs(new(Deadline, Assessment(Deadline), Stage1(160, 200)));
        var noDeadline = Paragraphs(new(null, null, Stage1(160, 200)));
        var noDeadlineButReceived = Paragraphs(new(null, Assessment(new DateOnly(2026, 12, 1)), Stage1(160, 200)));

        Assert.Equal([(NotReceivedByDeadline, DataParagraphs.SelfAssessmentNotReceived)], none.Select(p => (p.Text, p.Source)));
        Assert.Equal([("We asked every council to send us its self-assessment against the Complaint Handling Code by 24 June 2026, with its annual complaints performance " +
            "report. The Council's self-assessment reached us on 25 June 2026, after that date. I would ask the Council to plan its self-assessment so that it reaches us on time next year.",
            DataParagraphs.SelfAssessmentNotReceived)], late.Select(p => (p.Text, p.Source)));
        Assert.Empty(onTheDay);
        Assert.Equal(["We have not received the Council's self-assessment against the Complaint Handling Code for the year. The self-assessment is how a council " +
            "shows its residents, its members and us that its complaint handling meets the Code: I would ask the Council to complete it, publish it and send it to us."],
            noDeadline.Select(p => p.Text));
        Assert.Empty(noDeadlineButReceived);
    }

    [Fact]
    public void Sections_declared_not_followed_are_named_by_number_and_title_in_the_singular_and_the_plural()
    {
        var one = Paragraphs(new(Deadline, Assessment(Deadline, "9"), null));
        var two = Paragraphs(new(Deadline, Assessment(Deadline, "4", "6-stage-2"), null));
        var three = Paragraphs(new(Deadline, Assessment(Deadline, "1", "6-stage-1", "6-stage-2"), null));

        Assert.Equal(["In its self-assessment the Council told us it does not yet follow section 9 (Scrutiny and oversight: continuous learning and improvement) " +
            "of the Complaint Handling Code. I welcome its candour, and I would ask it to complete the action it set itself by the date it gave, and to report its progress to members."],
            one.Select(p => p.Text));
        Assert.Equal(["In its self-assessment the Council told us it does not yet follow two sections of the Complaint Handling Code: sections 4 (Complaint handling " +
            "resources) and 6 (Complaints stages: stage 2). I welcome its candour, and I would ask it to complete the actions it set itself by the dates it gave, and to report its progress to members."],
            two.Select(p => p.Text));
        Assert.StartsWith("In its self-assessment the Council told us it does not yet follow three sections of the Complaint Handling Code: sections 1 (Definition of a " +
            "service request and complaint), 6 (Complaints stages: stage 1) and 6 (Complaints stages: stage 2).", Assert.Single(three).Text);
        Assert.Equal(DataParagraphs.SectionsNotFollowed, Assert.Single(three).Source);
    }

    [Theory]
    // 158 ÷ 200 = 79% exactly: below 80%, the paragraph.
    [InlineData(158, 200, "79%")]
    // 159 ÷ 200 = 79.5%, printed 80% (halves away from zero): not below 80% as printed, no paragraph.
    [InlineData(159, 200, null)]
    // 7 ÷ 9 = 77.8%, printed 78%: the counts in words up to nine.
    [InlineData(7, 9, "78%")]
    // Nothing responded: no share, no paragraph (never 0%).
    [InlineData(0, 0, null)]
    public void The_stage_1_paragraph_follows_the_printed_share_answered_in_time(long inTime, long responded, string? printed)
    {
        var paragraphs = Paragraphs(new(Deadline, Assessment(Deadline), Stage1(inTime, responded)));

        if (printed is null) Assert.Empty(paragraphs);
        else
            Assert.Equal(
                [$"The Council's own figures show it answered {printed} of stage 1 complaints within the Code's timescale ({LetterWords.Count(inTime)} of {LetterWords.Count(responded)}). " +
                 "The Code expects a stage 1 response within 10 working days of acknowledging the complaint, or 20 where the Council explains an extension to the complainant. " +
                 "Delay at stage 1 adds to complainants' frustration and to the complaints that reach us: I would ask the Council to look at why so many of its responses were late."],
                paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Each_paragraph_is_switched_off_on_its_own_and_editions_before_2026_have_none()
    {
        var all = new ComplaintHandlingInputs(Deadline, Assessment(Deadline.AddDays(3), "4"), Stage1(1, 3));

        Assert.Equal([DataParagraphs.SelfAssessmentNotReceived, DataParagraphs.SectionsNotFollowed, DataParagraphs.Stage1InTime], Paragraphs(all).Select(p => p.Source));
        foreach (var key in DataParagraphs.Fixed.Skip(1))
            Assert.Equal(DataParagraphs.Fixed.Skip(1).Where(k => k != key), Paragraphs(all, switchedOff: key).Select(p => p.Source));
        Assert.Empty(Paragraphs(all, new FinancialYear(2019)));
        Assert.Empty(Paragraphs(all, new FinancialYear(2022)));
    }
}

/// <summary>The letters read the year's deadline, self-assessments and returns from the store, and the review page's switches turn each paragraph off, on both engines.</summary>
public abstract class ComplaintHandlingLettersFromStoreTests(DatabaseProvider provider) : IDisposable
{
    private static readonly FinancialYear Year = new(2025);
    private readonly Lazy<LetterScenario> _lazy = new(() => new LetterScenario(provider));
    private LetterScenario Scenario => _lazy.Value;

    [SkippableFact]
    public void A_late_self_assessment_with_a_section_not_followed_and_79_percent_in_time_writes_all_three_paragraphs()
    {
        Scenario.Import(new ImportFolder()
            .With("decisions.csv", "case_ref,authority_code,decision_date,outcome", "N-1,E06000017,2025-06-01,upheld", "N-2,E10000034,2025-07-01,not_upheld")
            .With("complaint_returns.csv", "authority_code,year,stage,received,responded,responded_in_time,upheld",
                "E10000034,2025-26,1,210,200,158,80", "E10000034,2025-26,2,30,16,12,5")
            .With("code_self_assessments.csv", ["authority_code,year,section,follows,evidence,action,target_date,submitted_on",
                .. CodeSections.Ids.Select(s => s == "4" ? $"E10000034,2025-26,{s},no,,Appoint a second officer,2027-03-31,2026-06-25" : $"E10000034,2025-26,{s},yes,,,,2026-06-25")]));
        Assert.True(SetSubmissionDeadline.Run(Scenario.Database, Year, "2026-06-24", null, new Actor("setup"), TimeProvider.System).Succeeded);

        var worcestershire = Sources(Scenario.Compose("E10000034", Year));
        var rutland = Sources(Scenario.Compose("E06000017", Year));
        SwitchLetterParagraph.Run(Scenario.Database, "E10000034", Year, DataParagraphs.SectionsNotFollowed, on: false, new Actor("staff"), TimeProvider.System);

        Assert.Equal([DataParagraphs.SelfAssessmentNotReceived, DataParagraphs.SectionsNotFollowed, DataParagraphs.Stage1InTime], worcestershire);
        Assert.Equal([DataParagraphs.SelfAssessmentNotReceived], rutland);
        Assert.Equal([DataParagraphs.SelfAssessmentNotReceived, DataParagraphs.Stage1InTime], Sources(Scenario.Compose("E10000034", Year)));
        Assert.Contains("answered 79% of stage 1 complaints within the Code's timescale (158 of 200)",
            Scenario.Compose("E10000034", Year).Letter.Sections.SelectMany(s => s.Paragraphs).Single(p => p.Source == DataParagraphs.Stage1InTime).Text);
    }

    private static List<string> Sources(ComposedLetter letter) =>
        letter.Letter.Sections.SelectMany(s => s.Paragraphs).Select(p => p.Source).Where(s => s.StartsWith("complaint_handling", StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        if (_lazy.IsValueCreated) _lazy.Value.Dispose();
    }
}

public sealed class SqliteComplaintHandlingLettersFromStoreTests() : ComplaintHandlingLettersFromStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresComplaintHandlingLettersFromStoreTests() : ComplaintHandlingLettersFromStoreTests(DatabaseProvider.PostgreSql);
