namespace Upheld.Quality;

/// <summary>What kind of problem a data-quality finding is.</summary>
public enum QualityFindingKind
{
    /// <summary>A council of the year has no addressee (no contacts row), so its letter cannot be addressed.</summary>
    LetterWithoutAddressee,

    /// <summary>A council's figures moved so far from the year before that they deserve a second look (see <see cref="DataQuality"/>).</summary>
    LargeSwing,

    /// <summary>A compliance outcome of the year whose case has no decision in the store.</summary>
    ComplianceForUnknownCase,

    /// <summary>An approved letter that would now read differently: it needs approving again before it is published or sent.</summary>
    LetterChangedSinceApproval,
}

/// <summary>One thing staff should look at before publishing a year: its kind, the council and what was found.</summary>
public sealed record QualityFinding(QualityFindingKind Kind, string AuthorityCode, string AuthorityName, string Detail)
{
    /// <summary>The kind in words, for tables and pages.</summary>
    public string KindText => Describe(Kind);

    public static string Describe(QualityFindingKind kind) => kind switch
    {
        QualityFindingKind.LetterWithoutAddressee => "Letter without an addressee",
        QualityFindingKind.LargeSwing => "Large year-on-year swing",
        QualityFindingKind.ComplianceForUnknownCase => "Compliance outcome for an unknown case",
        _ => "Letter changed since approval",
    };
}

/// <summary>Every finding for one year, ordered by kind, then council code, then detail.</summary>
public sealed record QualityReport(FinancialYear Year, IReadOnlyList<QualityFinding> Findings)
{
    public int Count(QualityFindingKind kind) => Findings.Count(f => f.Kind == kind);
}
