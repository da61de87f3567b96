using Upheld.Quality;

namespace Upheld.Web.Staff;

/// <summary>The data-quality report of one year, and the years with data to choose from, newest first.</summary>
public sealed record QualityPageModel(IReadOnlyList<FinancialYear> Years, FinancialYear Year, QualityReport Report);
