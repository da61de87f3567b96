using Microsoft.AspNetCore.OutputCaching;

namespace Upheld.Web.Staff;

/// <summary>Makes a change made in the staff area show on the public site at the next request, not after the brief caches expire.</summary>
/// <remarks>
/// Every public answer is kept in the output cache under <see cref="Tag"/>; the figures and letters behind them in SiteData and SiteLetters.
/// The published snapshot is not kept here: each engine use case keeps it in the change's own transaction.
/// </remarks>
public sealed class SiteRefresh(SiteData data, Letters.SiteLetters letters, IOutputCacheStore pages)
{
    public const string Tag = "site";

    /// <summary>Called after every change recorded from the staff area.</summary>
    public async Task AfterChangeAsync()
    {
        data.Forget();
        letters.Forget();
        await pages.EvictByTagAsync(Tag, default);
    }
}
