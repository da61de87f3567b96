using Upheld.Authorities;
using Upheld.Letters;
using Upheld.Statistics;

namespace Upheld.Web.Staff;

/// <summary>Every council in the register, for staff to choose from.</summary>
public sealed record CouncilsPageModel(IReadOnlyList<Authority> Councils);

/// <summary>A council and the years it existed in, newest first.</summary>
public sealed record CouncilYearsPageModel(Authority Council, IReadOnlyList<FinancialYear> Years);

/// <summary>A council's year: its statistics (null when it has none that year), its letter (null before one is composed),
/// whether the year is still unpublished, its case-mix ratio (null when it has no statistics that year), and its service-area
/// signals as the data stands, with why it was not tested (null when it was).</summary>
public sealed record CouncilYearPageModel(Authority Council, FinancialYear Year, AuthorityStatistics? Statistics, ComposedLetter? Letter, bool Unpublished,
    Upheld.Signals.CaseMixRatio? CaseMix = null, IReadOnlyList<Upheld.Signals.SignalTest>? Signals = null, Upheld.Signals.UntestedCouncil? NotTested = null);
