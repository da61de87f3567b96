using Upheld.Accounts;
using Upheld.Storage;

namespace Upheld.Letters;

/// <summary>Switches paragraphs written from data off (or back on) in one council's letter of a year: <c>upheld letters switch</c> and the review page's switches.</summary>
/// <remarks>
/// Each switch that changes something gets its audit entry; a switch to the state it is already in writes none. The
/// switches, their entries and the year's published snapshot commit together.
/// </remarks>
public static class SwitchLetterParagraph
{
    /// <summary>Switches one paragraph; true when that changed it.</summary>
    /// <exception cref="ArgumentException"><paramref name="paragraph"/> is not a paragraph written from data; nothing is changed.</exception>
    public static bool Run(Database database, string code, FinancialYear year, string paragraph, bool on, Actor actor, TimeProvider clock) =>
        Run(database, code, year, [(paragraph, on)], actor, clock) == 1;

    /// <summary>Switches each paragraph to its state, as one change; how many changed.</summary>
    public static int Run(Database database, string code, FinancialYear year, IReadOnlyList<(string Paragraph, bool On)> switches, Actor actor, TimeProvider clock)
    {
        using var change = Change.Begin(database, actor, clock);
        var changed = 0;
        foreach (var (paragraph, on) in switches)
        {
            if (!LetterReview.Switch(change.Connection, code, year, paragraph, on, change.Transaction)) continue;
            Audits.ParagraphSwitched(change, code, year, paragraph, on);
            changed++;
        }
        change.DataChanged(year);
        change.Commit();
        return changed;
    }
}
