using System.Globalization;
using System.Text;
using Upheld.Authorities;

namespace Upheld.Bench;

/// <summary>A seeded synthetic import folder of one year's decisions and compliance outcomes, for benchmarks only.</summary>
internal static class SyntheticDataset
{
    private static readonly string[] Categories =
        ["Adult Care Services", "Benefits and Tax", "Education and Children's Services", "Highways and Transport", "Housing", "Planning and Development"];

    /// <summary>What a complaint was about: a summary names two, so each word is in about one decision in thirty.</summary>
    public static readonly string[] Subjects =
    [
        "school", "transport", "admission", "appeal", "repairs", "mould", "homelessness", "allocation", "parking", "potholes",
        "planning", "enforcement", "noise", "waste", "recycling", "licensing", "benefit", "council tax", "care home", "assessment",
        "charges", "safeguarding", "fostering", "adoption", "disabled facilities grant", "drainage", "flooding", "trees", "footpath",
        "street lighting", "bins", "pest control", "rent arrears", "eviction", "temporary accommodation", "special educational needs",
        "direct payments", "respite care", "hospital discharge", "debt recovery", "bailiffs", "blue badge", "fly tipping", "graffiti",
        "allotment", "cemetery", "library", "leisure centre", "market", "highway verge", "road closure", "speed humps", "bus pass",
        "school meals", "tenancy", "land charges", "building control", "complaint handling", "communication", "record keeping",
    ];

    private static readonly string[] Findings =
        ["delayed", "failed to reply", "did not follow its policy", "gave wrong advice", "lost the papers", "acted properly", "did not consider the evidence", "charged too much"];

    /// <summary>Writes decisions.csv and compliance.csv; returns the number of rows written.</summary>
    public static int Write(string folder, int decisions, FinancialYear year, IReadOnlyList<Authority> authorities)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(20200729);
        var complianceRows = 0;
        using var decided = new StreamWriter(Path.Combine(folder, "decisions.csv"), false, new UTF8Encoding(false), 1 << 16);
        using var compliance = new StreamWriter(Path.Combine(folder, "compliance.csv"), false, new UTF8Encoding(false), 1 << 16);
        decided.WriteLine("case_ref,authority_code,received_date,decision_date,category,subcategory,outcome,remedied_by_authority,summary");
        compliance.WriteLine("case_ref,authority_code,recorded_date,outcome");
        for (var i = 0; i < decisions; i++)
        {
            var authority = authorities[random.Next(authorities.Count)];
            var decisionDate = year.FirstDay.AddDays(random.Next(365));
            var receivedDate = decisionDate.AddDays(-random.Next(20, 200));
            var roll = random.NextDouble();
            var outcome = roll < 0.35 ? "upheld" : roll < 0.55 ? "not_upheld" : roll < 0.75 ? "closed_after_initial_enquiries" : roll < 0.9 ? "referred_back" : "advice_given";
            var remedied = outcome == "upheld" && random.NextDouble() < 0.13;
            var caseRef = $"B{i:D8}";
            decided.Write(caseRef);
            decided.Write(',');
            decided.Write(authority.Code);
            decided.Write(',');
            decided.Write(receivedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            decided.Write(',');
            decided.Write(decisionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            decided.Write(',');
            decided.Write(Categories[random.Next(Categories.Length)]);
            decided.Write(",,");
            decided.Write(outcome);
            decided.Write(remedied ? ",true," : ",false,");
            var first = Subjects[random.Next(Subjects.Length)];
            var second = Subjects[random.Next(Subjects.Length)];
            decided.WriteLine($"\"The complainant said the council {Findings[random.Next(Findings.Length)]} over {first} and {second}.\"");
            if (outcome == "upheld" && random.NextDouble() < 0.3)
            {
                var recorded = decisionDate.AddDays(random.Next(30, 90));
                if (recorded > year.LastDay) continue;
                var result = random.NextDouble() switch { < 0.9 => "complied_on_time", < 0.995 => "complied_late", _ => "not_complied" };
                compliance.WriteLine($"{caseRef},{authority.Code},{recorded:yyyy-MM-dd},{result}");
                complianceRows++;
            }
        }
        return decisions + complianceRows;
    }
}
