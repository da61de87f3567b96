namespace Upheld.Demo;

/// <summary>A council whose 2019-20 figures and addressee are copied from its real annual review letter.</summary>
public sealed record PublishedCouncil(
    string Code, int Upheld, int NotUpheld, int Remedied, int OnTime, int Late, int NotComplied,
    string Honorific, string Surname, string Role)
{
    public int Investigations => Upheld + NotUpheld;
    public int ComplianceOutcomes => OnTime + Late + NotComplied;
}

/// <summary>The five councils of the real 2020 letters (data year 2019-20): their figures are exact, everything else is generated around them.</summary>
public static class PublishedCouncils
{
    public const string Cambridgeshire = "E10000003";
    public const string Worcestershire = "E10000034";
    public const string Wellingborough = "E07000156";
    public const string Rutland = "E06000017";
    public const string CannockChase = "E07000192";

    public static readonly IReadOnlyList<PublishedCouncil> All =
    [
        // 12 of 14 upheld (86%), 9 compliance outcomes all complied, two late (100%), 1 remedied (8%).
        new(Cambridgeshire, 12, 2, 1, 7, 2, 0, "Ms", "Beasley", "Chief Executive"),
        // 19 of 22 (86%), 11 of 12 complied (92%): three late and one not complied, 3 remedied (16%).
        new(Worcestershire, 19, 3, 3, 8, 3, 1, "Mr", "Robinson", "Head of Paid Service"),
        new(Wellingborough, 2, 0, 0, 1, 0, 0, "Ms", "Elliott", "Managing Director"),
        new(Rutland, 1, 0, 0, 1, 0, 0, "Mr", "Andrews", "Chief Executive"),
        // No detailed investigations and no compliance outcomes: the letter has no statistics pages.
        new(CannockChase, 0, 0, 0, 0, 0, 0, "Mr", "McGovern", "Managing Director"),
    ];

    public static PublishedCouncil? Of(string code, FinancialYear year) =>
        year == DemoYears.LettersYear ? All.FirstOrDefault(c => c.Code == code) : null;

    public static bool IsPublished(string code, FinancialYear year) => Of(code, year) is not null;
}
