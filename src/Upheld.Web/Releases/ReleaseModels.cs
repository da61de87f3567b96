using Upheld.Publishing;

namespace Upheld.Web.Releases;

/// <summary>The release calendar as the public sees it now.</summary>
public sealed record ReleasesPageModel(IReadOnlyList<Release> Releases, bool Demonstration, DateTimeOffset? DataAsAt);

/// <summary>One row of a release's pre-release access list: an organisation, a role in it, and when the first of them saw the year.</summary>
public sealed record ReleaseAccessRow(string Organisation, string Role, DateTimeOffset AccessBegan);

/// <summary>A published year's release: what was published, who saw it before, and every version since.</summary>
public sealed record ReleasePageModel(ReleaseRecord Record, IReadOnlyList<ReleaseAccessRow> Access, IReadOnlyList<YearVersion> Versions, bool Demonstration);
