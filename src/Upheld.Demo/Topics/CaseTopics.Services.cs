namespace Upheld.Demo;

// Streets, waste, regulation and the council's own corporate services.
public static partial class CaseTopics
{
    private static CaseTopic[] Environment =>
    [
        new("Environmental Services, Public Protection and Regulation", "Refuse and recycling",
            ["repeatedly missed {their} assisted bin collection", "did not collect {their} garden waste although the service had been paid for"],
            ["missed the assisted collection many times and did not put it right", "failed to provide a paid-for service for several months"],
            ["provided the service as it had agreed and put right the few missed collections"],
            ["review how it monitors assisted collections", "remind crews of the procedure for recording missed collections"],
            "repeated failure to collect a disabled resident's bins", "refund the garden waste subscription", 60),
        new("Environmental Services, Public Protection and Regulation", "Noise",
            ["did not investigate {their} complaints about noise from a neighbour", "closed {their} noise complaint without visiting"],
            ["did not decide whether the noise was a statutory nuisance", "closed the case without considering the diary sheets provided"],
            ["investigated the noise properly and reached a decision it was entitled to reach"],
            ["remind officers to record their decisions on whether noise amounts to a statutory nuisance"],
            "failure to investigate complaints of noise nuisance"),
        new("Environmental Services, Public Protection and Regulation", "Licensing",
            ["granted a premises licence without considering {their} objection", "did not act on {their} reports of breaches of a licence"],
            ["did not put the objection before the licensing sub-committee", "did not investigate the reported breaches or say what it had decided"],
            ["considered the objection properly at a hearing"],
            ["review how it records and considers representations on licence applications"],
            "handling of objections to a premises licence"),
    ];

    private static CaseTopic[] Highways =>
    [
        new("Highways and Transport", "Parking",
            ["wrongly issued {them} with a penalty charge notice", "refused {their} application for a disabled parking bay"],
            ["issued the penalty although the signs were unclear and did not consider the representations", "did not consider the medical evidence supporting the application"],
            ["issued the penalty correctly and considered the representations"],
            ["review the signs in the street concerned"],
            "refusal of a disabled person's application for a parking bay", "cancel the penalty charge and refund the amount paid", 70),
        new("Highways and Transport", "Highway repairs",
            ["failed to repair a dangerous pothole outside {their} home", "did not deal properly with {their} claim for damage caused by a defect in the road"],
            ["did not inspect the reported defect within its own timescales", "took months to reply to the claim"],
            ["inspected the road in line with its policy"],
            ["review how it tells residents what will happen after they report a defect"],
            "failure to repair a reported road defect", "pay for the damage to the complainant's car", 420),
        new("Highways and Transport", "Blue badges",
            ["refused {their} application for a blue badge", "delayed renewing {their} blue badge"],
            ["did not consider the supporting evidence before refusing the badge", "took four months to renew the badge"],
            ["assessed the application properly against the criteria"],
            ["review how it assesses blue badge applications for people with hidden disabilities"],
            "refusal of a blue badge"),
    ];

    private static CaseTopic[] Corporate =>
    [
        new("Corporate and Other Services", "Complaint handling",
            ["did not respond to {their} complaint", "took too long to deal with {their} complaint"],
            ["did not respond at the second stage of its complaints procedure", "took five months to respond to the complaint"],
            ["responded to the complaint within its published timescales"],
            ["review its corporate complaints procedure so that it sets and meets timescales", "provide training to officers who respond to complaints"],
            "handling of a resident's complaint"),
        new("Corporate and Other Services", "Land and property",
            ["failed to maintain trees on its land next to {their} home", "did not deal properly with {their} request to buy a strip of council land"],
            ["did not inspect the trees after the complainant reported them", "did not reply for over a year"],
            ["managed its land and trees properly"],
            ["review how it handles requests about trees on council land"],
            "failure to deal with trees on council land"),
    ];
}
