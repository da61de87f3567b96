namespace Upheld.Web.Staff;

/// <summary>Makes a change made in the staff area show on the public site at the next request, not after the brief caches expire.</summary>
/// <remarks>
/// Public answers are kept as <see cref="PreparedPages"/>; the figures and letters behind them in SiteData and SiteLetters.
/// Other server processes sharing the database see the change through its data version, within <see cref="PreparedPages.VersionCheck"/>.
/// The published snapshot is not kept here: each engine use case keeps it in the change's own transaction.
/// </remarks>
public sealed class SiteRefresh(SiteData data, Letters.SiteLetters letters, PreparedPages pages)
{
    /// <summary>Called after every change recorded from the staff area.</summary>
    public Task AfterChangeAsync()
    {
        data.Forget();
        letters.Forget();
        pages.Forget();
        return Task.CompletedTask;
    }
}
