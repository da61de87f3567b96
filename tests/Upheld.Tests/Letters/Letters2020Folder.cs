using Upheld.Tests.Import;

namespace Upheld.Tests.Letters;

/// <summary>An import folder from which the five real 2020 letters can be written, word for word.</summary>
/// <remarks>
/// The five councils' figures come from <see cref="LetterFigures"/>; their addressees, Worcestershire's public report,
/// its recommendations and commentary are read off the real letters. The real averages pool every council of a type,
/// so one more council of each type is added as counts.csv totals chosen to make the pooled averages round to the
/// printed ones (County 66% / 100% / 9%, District 45% / 99% / 20%, Unitary 56% / 99% / 11%).
/// </remarks>
public static class Letters2020Folder
{
    public static readonly (string Code, string File)[] Councils =
    [
        ("E10000003", "cambridgeshire-county-council.txt"),
        ("E10000034", "worcestershire-county-council.txt"),
        ("E07000156", "wellingborough-borough-council.txt"),
        ("E06000017", "rutland-county-council.txt"),
        ("E07000192", "cannock-chase-district-council.txt"),
    ];

    public const string WorcestershireReport = "E10000034-001";

    public static ImportFolder Create() => new ImportFolder().AsCases()
        .With("counts.csv",
            "code,year,investigations,upheld,satisfactory_remedies,compliance_outcomes,complied,complied_late,decided,received",
            "E10000006,2019-20,364,233,20,200,200,0,400,",   // County: 264/400 = 66%, 220/221 = 100%, 24/264 = 9%
            "E07000008,2019-20,198,88,18,199,197,0,250,",    // District: 90/200 = 45%, 198/200 = 99%, 18/90 = 20%
            "E06000001,2019-20,199,111,12,199,197,0,250,")   // Unitary: 112/200 = 56%, 198/200 = 99%, 12/112 = 11%
        .With("contacts.csv",
            "code,year,honorific,surname,role",
            "E10000003,2019-20,Ms,Beasley,Chief Executive",
            "E10000034,2019-20,Mr,Robinson,Head of Paid Service",
            "E07000156,2019-20,Ms,Elliott,Managing Director",
            "E06000017,2019-20,Mr,Andrews,Chief Executive",
            "E07000192,2019-20,Mr,McGovern,Managing Director")
        .With("public_reports.csv",
            "case_ref,authority_code,issued_date,title,summary",
            $"{WorcestershireReport},E10000034,2019-11-14,\"failure to provide education to a child with Special Educational Needs, to challenge their informal exclusion from school, or to update their Education Health and Care Plan\",The Council's corporate complaints policy also lacked information about timescales and was unclear about how complaints would be progressed.")
        .With("recommendations.csv",
            "case_ref,authority_code,kind,remedy_category,text,amount_gbp,due_date",
            $"{WorcestershireReport},E10000034,personal,financial,\"pay the child's mother £4,200 for lost education\",4200,2019-12-31",
            $"{WorcestershireReport},E10000034,service_improvement,training,remind officers of the Council's duties to children out of school,,2019-12-31",
            $"{WorcestershireReport},E10000034,service_improvement,policy,review its corporate complaints policy,,2020-01-31")
        .With("commentary.csv",
            "authority_code,year,position,text",
            "E10000034,2019-20,1,\"In last year's letter, I raised my concerns with your Council's failure to provide my staff with the information they need during investigations. I also commented that, in some cases, your Council had taken too long to implement agreed recommendations. Unfortunately, this year has seen a repeat of these issues with my investigators reporting delays in providing information or having to seek clarification because responses are insufficient. In one case the delays were such that we took the unusual step of threatening to issue a witness summons to obtain the information requested. In three separate cases recommendations were not implemented within the agreed timeframe. You should be aware that the actions you agree to take, and your performance in implementing them, are reported publicly on our website, so are likely to generate increased public and media scrutiny in future.\"",
            "E10000034,2019-20,2,Delay by the Council adds to the frustration experienced by complainants and can cause further avoidable distress and uncertainty. I ask the Council to reflect on this and take steps to improve its liaison with my office.");

    public static string RealLetter(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "letters-2020", file));
}
