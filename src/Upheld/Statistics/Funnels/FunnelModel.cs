namespace Upheld.Statistics.Funnels;

/// <summary>How counts vary by chance alone: binomial for proportions, Poisson for events among residents.</summary>
public enum FunnelModel
{
    Binomial,
    Poisson,
}

/// <summary>Whether and how the control limits widen when councils vary more than chance alone allows.</summary>
public enum Overdispersion
{
    /// <summary>Limits from chance alone.</summary>
    None,

    /// <summary>Variance multiplied by φ, the mean squared winsorised z-score, when φ &gt; 1.</summary>
    Multiplicative,

    /// <summary>A between-council variance τ² added to each council's variance (DerSimonian–Laird from φ).</summary>
    Additive,
}

/// <summary>Where a council sits against the control limits.</summary>
public enum FunnelPosition
{
    Within,
    Above95,
    Above998,
    Below95,
    Below998,
}
