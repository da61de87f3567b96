using System.Collections.Concurrent;

namespace Upheld.Web;

/// <summary>Values kept for a short time, each computed by one caller at a time however many ask at once.</summary>
/// <remarks>
/// Under load, an expired entry used to be recomputed by every request that found it expired (a stampede every
/// <see cref="Freshness"/>). Now the first caller to find an entry missing or expired computes it and every concurrent
/// caller waits for that one result. A computation that fails is not kept, so the next caller tries again (a database
/// that was down answers once it is back).
/// </remarks>
public sealed class ShortLivedCache(TimeSpan freshness)
{
    private sealed record Entry(DateTimeOffset At, Lazy<object> Value);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public TimeSpan Freshness { get; } = freshness;

    public T Get<T>(string key, DateTimeOffset now, Func<T> load) where T : class
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var kept))
            {
                if (now - kept.At < Freshness) return Read<T>(key, kept);
                var renewed = NewEntry(now, load);
                if (_entries.TryUpdate(key, renewed, kept)) return Read<T>(key, renewed);
            }
            else
            {
                var added = NewEntry(now, load);
                if (_entries.TryAdd(key, added)) return Read<T>(key, added);
            }
            // Another caller replaced the entry first: read theirs.
        }
    }

    /// <summary>Drops every kept value; computations under way finish for their own callers but are not kept.</summary>
    public void Clear() => _entries.Clear();

    private static Entry NewEntry<T>(DateTimeOffset now, Func<T> load) where T : class =>
        new(now, new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication));

    private T Read<T>(string key, Entry entry) where T : class
    {
        try
        {
            return (T)entry.Value.Value;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }
}
