namespace Upheld.Statistics;

/// <summary>How the average for similar authorities is formed; the ombudsman does not say which it uses.</summary>
public enum AverageMethod
{
    /// <summary>Sum of numerators ÷ sum of denominators over the authorities of the type: the default, fitting published figures best.</summary>
    Pooled,

    /// <summary>Mean of the authorities' own rates, leaving out those with no rate.</summary>
    Mean,
}

/// <summary>Names of <see cref="AverageMethod"/> in the data formats and on the command line.</summary>
public static class AverageMethods
{
    /// <summary>"pooled" or "mean".</summary>
    public static string ToWireName(this AverageMethod method) => method switch
    {
        AverageMethod.Pooled => "pooled",
        AverageMethod.Mean => "mean",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>The method named "pooled" or "mean", or null for any other name.</summary>
    public static AverageMethod? Parse(string name) => name switch
    {
        "pooled" => AverageMethod.Pooled,
        "mean" => AverageMethod.Mean,
        _ => null,
    };
}
