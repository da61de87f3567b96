namespace Upheld.Maps;

/// <summary>The two maps of councils: lower tier (districts and single-tier councils) and upper tier (counties and single-tier councils).</summary>
public enum MapTier
{
    Lower,
    Upper,
}

/// <summary>One council's cell in a hex map: column <see cref="Q"/> and row <see cref="R"/> of an odd-r grid whose rows grow northwards.</summary>
public readonly record struct HexCell(string Code, int Q, int R);

/// <summary>The cells of one year's map of one tier: exactly the councils of that tier that existed in the year.</summary>
public sealed record HexLayout(FinancialYear Year, MapTier Tier, IReadOnlyList<HexCell> Cells)
{
    public int MinQ => Cells.Min(c => c.Q);
    public int MaxQ => Cells.Max(c => c.Q);
    public int MinR => Cells.Min(c => c.R);
    public int MaxR => Cells.Max(c => c.R);
}
