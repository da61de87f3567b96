namespace Upheld.Demo;

// Adult care, education and children's services: mostly county and unitary complaints.
public static partial class CaseTopics
{
    private static CaseTopic[] AdultCare =>
    [
        new("Adult Care Services", "Assessment and care plan",
            ["delayed assessing {their} mother's care needs after she left hospital", "did not follow {their} father's care plan and reduced his support without a review"],
            ["took four months to complete an assessment it should have completed within weeks", "reduced the care package without reassessing needs or explaining why"],
            ["assessed needs properly and explained its decision in writing", "reviewed the care plan in line with the law and guidance"],
            ["review its procedures so that hospital discharge assessments are completed promptly", "remind social workers to record the reasons for any change to a care package"],
            "delay in assessing a woman's care needs after she left hospital"),
        new("Adult Care Services", "Charging",
            ["charged {them} for care without explaining the charges in advance", "wrongly included {their} home in a financial assessment"],
            ["failed to tell the family about the charges before care began", "made errors in the financial assessment and took months to correct them"],
            ["calculated the charges correctly under the charging rules", "explained the charges before the care began"],
            ["review how it tells people about care charges before care starts", "provide training to financial assessment officers on disregards"],
            "errors in charging a man for his care", "refund the care charges wrongly made", 1800),
        new("Adult Care Services", "Safeguarding",
            ["did not properly investigate {their} concerns about the care {their} relative received", "failed to tell {them} the outcome of a safeguarding enquiry"],
            ["did not complete the safeguarding enquiry or share its outcome with the family", "closed the enquiry without speaking to the person at risk"],
            ["made proportionate enquiries and shared the outcome appropriately"],
            ["remind staff to keep families informed of the progress of safeguarding enquiries"],
            "handling of a safeguarding enquiry about a care home resident"),
    ];

    private static CaseTopic[] Education =>
    [
        new("Education and Children's Services", "Special educational needs",
            ["delayed issuing {their} son's Education Health and Care Plan", "did not make the provision set out in {their} daughter's Education Health and Care Plan"],
            ["took far longer than the statutory 20 weeks to issue the plan", "did not secure the special educational provision in the plan for several months"],
            ["met the statutory timescales and secured the provision in the plan"],
            ["review its procedures to ensure Education Health and Care Plans are issued within statutory timescales", "remind officers of the Council's duty to secure the provision in a plan"],
            "delay in issuing a child's Education Health and Care Plan", "pay for the special educational provision the child missed", 2700),
        new("Education and Children's Services", "School transport",
            ["refused {their} child free transport to school", "withdrew {their} son's school transport without notice"],
            ["did not consider the route's safety properly when refusing transport", "withdrew transport without telling the family or considering the child's needs"],
            ["applied its school transport policy correctly and considered the appeal properly"],
            ["review its school transport appeal process so that it considers each child's circumstances"],
            "withdrawal of a disabled child's school transport", "reimburse the costs of taking the child to school", 650),
        new("Education and Children's Services", "Children's social care",
            ["did not deal properly with {their} complaint under the children's statutory complaints procedure", "failed to support {them} as a kinship carer"],
            ["delayed the statutory complaint stages for over a year", "did not assess the support needed or pay the allowance due"],
            ["followed the statutory procedure and its decisions were properly made"],
            ["remind officers of the timescales of the children's statutory complaints procedure", "review its policy on support for kinship carers"],
            "failure to support a family caring for a relative's children", "pay the kinship care allowance owed", 3100),
    ];

    private static CaseTopic[] Other =>
    [
        new("Other", "Other",
            ["did not deal properly with {their} request for information", "failed to respond to {their} correspondence"],
            ["did not reply to letters and emails for several months"],
            ["responded within a reasonable time and gave a proper answer"],
            ["remind staff to acknowledge and answer correspondence within its published timescales"],
            "failure to answer a resident's correspondence"),
    ];
}
