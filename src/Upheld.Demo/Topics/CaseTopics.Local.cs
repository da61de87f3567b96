namespace Upheld.Demo;

// Housing, planning, benefits and tax: mostly district, unitary and borough complaints.
public static partial class CaseTopics
{
    private static CaseTopic[] Housing =>
    [
        new("Housing", "Homelessness",
            ["did not help {them} when {their} tenancy was ending and homelessness was threatened", "placed {them} in unsuitable bed and breakfast accommodation"],
            ["did not accept a homelessness duty or make enquiries when it should have", "kept the family in bed and breakfast accommodation for longer than six weeks"],
            ["made proper enquiries and gave a reasoned decision on the application"],
            ["review its homelessness procedures so that it makes enquiries when a person applies", "remind officers of the six-week limit on bed and breakfast accommodation for families"],
            "failure to help a family who were homeless", "pay for the time the family spent in unsuitable accommodation", 900),
        new("Housing", "Allocations",
            ["wrongly assessed {their} priority on the housing register", "did not consider {their} medical evidence when deciding {their} housing band"],
            ["did not consider the medical evidence before deciding the banding", "gave the wrong priority date when it moved the application"],
            ["applied its allocations scheme correctly"],
            ["review the application of its allocations scheme to medical priority"],
            "the priority given to a family on the housing register"),
        new("Housing", "Disabled facilities grants",
            ["delayed providing adaptations to {their} home", "refused a disabled facilities grant for a level-access shower"],
            ["took over a year to approve the grant without good reason", "did not consider the occupational therapist's recommendation"],
            ["considered the application properly and decided it in good time"],
            ["review its process for disabled facilities grants to remove avoidable delay"],
            "delay in adapting a disabled man's home"),
    ];

    private static CaseTopic[] Planning =>
    [
        new("Planning and Development", "Planning applications",
            ["failed to consider the impact of a neighbour's extension on {their} home", "granted planning permission without notifying {them}"],
            ["did not consider the loss of light to the complainant's home before granting permission", "did not notify neighbours as its own procedures require"],
            ["properly considered the objections and the impact on the complainant's home", "notified neighbours and considered their comments"],
            ["remind planning officers to record how they have considered the impact on neighbouring homes", "review its neighbour notification procedures"],
            "decision to grant permission for an extension next to a resident's home", "pay for screening planting to reduce overlooking", 1200),
        new("Planning and Development", "Enforcement",
            ["did not take action against a breach of planning control next to {their} home", "delayed deciding whether to take enforcement action"],
            ["took no decision on enforcement for over a year after confirming a breach"],
            ["investigated the report and its decision not to take action was properly made"],
            ["review its planning enforcement procedures to set timescales for deciding on action"],
            "failure to act on a breach of planning control"),
    ];

    private static CaseTopic[] BenefitsAndTax =>
    [
        new("Benefits and Tax", "Council tax",
            ["took enforcement action over council tax that had already been paid", "refused {their} application for a council tax reduction"],
            ["passed the debt to enforcement agents without checking payments received", "did not consider the evidence of the complainant's income"],
            ["applied the council tax rules correctly and gave proper notice before recovery"],
            ["review how it checks payments before passing a debt to enforcement agents"],
            "recovery of council tax that had already been paid", "refund the enforcement fees", 310),
        new("Benefits and Tax", "Housing benefit",
            ["delayed deciding {their} housing benefit claim", "decided that {their} household had been overpaid housing benefit"],
            ["took six months to decide the claim, which led to rent arrears", "did not explain how it had calculated the overpayment"],
            ["decided the claim in line with the regulations"],
            ["review its procedures for processing housing benefit claims"],
            "delay in deciding a housing benefit claim"),
    ];
}
