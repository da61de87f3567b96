namespace Upheld.Web.Pages;

/// <summary>What a page of fixed text shows besides its text: the demonstration notice and the date of the data.</summary>
public sealed record FixedPageModel(bool Demonstration, DateTimeOffset? DataAsAt);

/// <summary>The data page: the published years whose files it lists.</summary>
public sealed record DataPageModel(IReadOnlyList<FinancialYear> Years, bool Demonstration, DateTimeOffset? DataAsAt);

/// <summary>A year's national picture.</summary>
public sealed record YearPageModel(PublishedYear Year, IReadOnlyList<Upheld.Cases.CategoryCounts> Categories, bool Demonstration);

/// <summary>The council search: what was asked (null before a search) and the councils found.</summary>
public sealed record SearchPageModel(string? Query, IReadOnlyList<(string Name, string Detail, string Href)> Results, bool Demonstration, DateTimeOffset? DataAsAt);

/// <summary>Every version of a published year whose time has come, oldest first.</summary>
public sealed record VersionsPageModel(FinancialYear Year, IReadOnlyList<Upheld.Publishing.YearVersion> Versions, bool Demonstration);
