using Upheld.Web;
using Xunit;

namespace Upheld.Tests.Web;

public class ShortLivedCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Many_callers_finding_an_entry_expired_wait_for_one_computation()
    {
        var cache = new ShortLivedCache(TimeSpan.FromSeconds(15));
        Assert.Equal("first", cache.Get("year", Start, () => "first"));

        var computations = 0;
        using var release = new ManualResetEventSlim();
        var later = Start.AddSeconds(16);
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.Get("year", later, () =>
        {
            Interlocked.Increment(ref computations);
            release.Wait(TimeSpan.FromSeconds(30));
            return "second";
        }))).ToList();
        // Give every caller time to arrive at the expired entry while the first computation is held.
        await Task.Delay(500);
        release.Set();
        var answers = await Task.WhenAll(callers);

        Assert.Equal(1, computations);
        Assert.All(answers, a => Assert.Equal("second", a));
    }

    [Fact]
    public void An_entry_is_kept_until_it_is_as_old_as_the_freshness_then_computed_again()
    {
        var cache = new ShortLivedCache(TimeSpan.FromSeconds(15));
        var computations = 0;
        string Load() => $"value {++computations}";

        Assert.Equal("value 1", cache.Get("k", Start, Load));
        Assert.Equal("value 1", cache.Get("k", Start.AddSeconds(14.9), Load));
        Assert.Equal("value 2", cache.Get("k", Start.AddSeconds(15), Load));
        Assert.Equal("value 3", cache.Get("other", Start.AddSeconds(15), Load));
        cache.Clear();
        Assert.Equal("value 4", cache.Get("k", Start.AddSeconds(15), Load));
    }

    [Fact]
    public void A_failed_computation_is_not_kept()
    {
        var cache = new ShortLivedCache(TimeSpan.FromSeconds(15));
        Assert.Throws<InvalidOperationException>(() => cache.Get<string>("k", Start, () => throw new InvalidOperationException("database down")));
        Assert.Equal("back", cache.Get("k", Start.AddSeconds(1), () => "back"));
    }
}
