using Microsoft.AspNetCore.OutputCaching;

namespace Upheld.Web.Staff;

/// <summary>Makes a change made in the staff area show on the public site at the next request, not after the brief caches expire.</summary>
/// <remarks>Every public answer is kept in the output cache under <see cref="Tag"/>; the figures and letters behind them in SiteData and SiteLetters.</remarks>
public sealed class SiteRefresh(SiteData data, Letters.SiteLetters letters, IOutputCacheStore pages)
{
    public const string Tag = "site";

    /// <summary>Called after every change recorded from the staff area (data, letters, publication); the snapshot engine may note a new revision here.</summary>
    public static event Action<string>? DataChanged;

    public async Task AfterChangeAsync(string what)
    {
        DataChanged?.Invoke(what);
        data.Forget();
        letters.Forget();
        await pages.EvictByTagAsync(Tag, default);
    }
}
