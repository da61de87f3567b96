namespace Upheld.Bench;

/// <summary>Latencies and failures of one stretch of the run.</summary>
internal sealed class SoakWindow
{
    private readonly List<double> _latencies = [];
    public Dictionary<string, int> Failures { get; } = [];
    public int Count => _latencies.Count;
    public int Errors => Failures.Values.Sum();

    public void Record(double milliseconds, string failure)
    {
        _latencies.Add(milliseconds);
        if (failure.Length > 0) Failures[failure] = Failures.GetValueOrDefault(failure) + 1;
    }

    public void Add(SoakWindow other)
    {
        _latencies.AddRange(other._latencies);
        foreach (var (status, count) in other.Failures) Failures[status] = Failures.GetValueOrDefault(status) + count;
    }

    public double Percentile(double p)
    {
        if (_latencies.Count == 0) return 0;
        _latencies.Sort();
        return _latencies[Math.Min(_latencies.Count - 1, (int)(_latencies.Count * p))];
    }
}
