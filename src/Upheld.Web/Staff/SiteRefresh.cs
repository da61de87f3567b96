using Microsoft.AspNetCore.OutputCaching;
using Upheld.Publishing;
using Upheld.Storage;

namespace Upheld.Web.Staff;

/// <summary>Makes a change made in the staff area show on the public site at the next request, not after the brief caches expire.</summary>
/// <remarks>
/// Every public answer is kept in the output cache under <see cref="Tag"/>; the figures and letters behind them in SiteData and SiteLetters.
/// A change to one year's letters also goes to the published snapshot: before publication the snapshot is retaken, after it the change
/// is a revision. Changes made through the importer reach the snapshot from the importer itself.
/// </remarks>
public sealed class SiteRefresh(SiteData data, Letters.SiteLetters letters, IOutputCacheStore pages, Database database, TimeProvider clock)
{
    public const string Tag = "site";

    /// <summary>Called after every change recorded from the staff area; <paramref name="lettersOf"/> names the year whose letters changed.</summary>
    public async Task AfterChangeAsync(FinancialYear? lettersOf = null)
    {
        if (lettersOf is { } year) PublishedSnapshots.DataChanged(database, year, clock.GetUtcNow());
        data.Forget();
        letters.Forget();
        await pages.EvictByTagAsync(Tag, default);
    }
}
