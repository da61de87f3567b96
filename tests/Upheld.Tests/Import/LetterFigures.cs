namespace Upheld.Tests.Import;

/// <summary>The 2019-20 figures printed in the five real letters, written out as case rows and as counts.csv.</summary>
public static class LetterFigures
{
    /// <summary>Code, upheld, not upheld, remedied by the authority, complied on time, complied late, not complied, other decisions.</summary>
    public static readonly (string Code, int Upheld, int NotUpheld, int Remedied, int OnTime, int Late, int NotComplied, int Other)[] Councils =
    [
        ("E10000003", 12, 2, 1, 7, 2, 0, 5),  // Cambridgeshire: 86%, 100% (two late), 8%
        ("E10000034", 19, 3, 3, 8, 3, 1, 9),  // Worcestershire: 86%, 92%, 16%
        ("E07000156", 2, 0, 0, 1, 0, 0, 4),   // Wellingborough: 100%, 100%, 0%
        ("E06000017", 1, 0, 0, 1, 0, 0, 2),   // Rutland: 100%, 100%, 0%
        ("E07000192", 0, 0, 0, 0, 0, 0, 6),   // Cannock Chase: nothing investigated, no compliance outcomes
    ];

    public static ImportFolder AsCases(this ImportFolder folder)
    {
        var decisions = new List<string> { "case_ref,authority_code,received_date,decision_date,category,outcome,remedied_by_authority,summary" };
        var compliance = new List<string> { "case_ref,authority_code,recorded_date,outcome" };
        foreach (var c in Councils)
        {
            var n = 0;
            string Next() => $"{c.Code}-{++n:D3}";
            for (var i = 0; i < c.Upheld; i++)
            {
                var caseRef = Next();
                decisions.Add($"{caseRef},{c.Code},2019-03-02,2019-0{4 + i % 6}-1{i % 10},Housing,upheld,{(i < c.Remedied ? "true" : "false")},\"We found fault, and the council agreed to apologise.\"");
                var outcome = i < c.OnTime ? "complied_on_time" : i < c.OnTime + c.Late ? "complied_late" : i < c.OnTime + c.Late + c.NotComplied ? "not_complied" : null;
                if (outcome is not null) compliance.Add($"{caseRef},{c.Code},2019-11-2{i % 10},{outcome}");
            }
            for (var i = 0; i < c.NotUpheld; i++) decisions.Add($"{Next()},{c.Code},,2019-06-01,Other,not_upheld,,");
            for (var i = 0; i < c.Other; i++) decisions.Add($"{Next()},{c.Code},,2020-03-31,Other,{(i % 2 == 0 ? "closed_after_initial_enquiries" : "referred_back")},,");
        }
        return folder.With("decisions.csv", [.. decisions]).With("compliance.csv", [.. compliance]);
    }

    public static ImportFolder AsCounts(this ImportFolder folder) =>
        folder.With("counts.csv",
        [
            "code,year,investigations,upheld,satisfactory_remedies,compliance_outcomes,complied,complied_late,decided,received",
            .. Councils.Select(c =>
                $"{c.Code},2019-20,{c.Upheld + c.NotUpheld},{c.Upheld},{c.Remedied},{c.OnTime + c.Late + c.NotComplied},{c.OnTime + c.Late},{c.Late},{c.Upheld + c.NotUpheld + c.Other},"),
        ]);
}
