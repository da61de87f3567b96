using Upheld.Accounts;

namespace Upheld.Web.Staff;

/// <summary>The latest changes, newest first.</summary>
public sealed record AuditPageModel(IReadOnlyList<AuditEntry> Entries);

/// <summary>The latest views of unpublished data, newest first.</summary>
public sealed record AccessLogPageModel(IReadOnlyList<AccessEntry> Entries);
