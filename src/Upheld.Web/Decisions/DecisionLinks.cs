using Upheld.Cases;

namespace Upheld.Web.Decisions;

/// <summary>The URLs of decision pages and of search result pages, and the plain names of outcomes.</summary>
public static class DecisionLinks
{
    /// <summary>A decision's lasting page; the reference is escaped because real references may hold spaces.</summary>
    public static string Page(string caseRef) => $"/decisions/{Uri.EscapeDataString(caseRef)}";

    /// <summary>The search with the same filters at another page; empty filters are left out to keep links short.</summary>
    public static string Search(DecisionFilter filter, int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", filter.Words);
        Add("council", filter.Council);
        Add("category", filter.Category);
        Add("outcome", filter.Outcome);
        Add("from", filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (page > 1) parts.Add($"page={page}");
        return parts.Count == 0 ? "/decisions" : "/decisions?" + string.Join('&', parts);
    }

    public static string OutcomeName(string outcome) => outcome switch
    {
        "invalid_incomplete" => "Invalid or incomplete",
        "advice_given" => "Advice given",
        "referred_back" => "Referred back to the council",
        "closed_after_initial_enquiries" => "Closed after initial enquiries",
        Outcomes.NotUpheld => "Not upheld",
        Outcomes.Upheld => "Upheld",
        _ => outcome,
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
