namespace Upheld.Maps;

/// <summary>Upper-tier layouts for every year, derived from the 2019-20 file by the reorganisations since (and before).</summary>
/// <remarks>
/// A recode keeps a council's cell for its successor; a split needs a new cell, placed next to the old one.
/// The placements follow the project's data notes and are layout choices, not source data.
/// </remarks>
internal static class UpperTierLayouts
{
    public static Dictionary<string, HexCell> For(FinancialYear year)
    {
        var cells = HexJson.Read("uk-upper-tier-local-authorities.hexjson");
        if (year.StartYear <= 2018)
        {
            // Before 1 April 2019: Bournemouth, Poole and Dorset County Council instead of BCP and Dorset Council.
            Recode(cells, "E06000058", "E06000028");
            Recode(cells, "E06000059", "E10000009");
            Place(cells, "E06000029", Free(cells, cells["E06000028"]));
            return cells;
        }
        if (year.StartYear >= 2020) Recode(cells, "E10000002", "E06000060");
        if (year.StartYear >= 2021)
        {
            Move(cells, "E06000019", 4, 6);
            Move(cells, "E10000031", 5, 6);
            cells.Remove("E10000021");
            Place(cells, "E06000062", new HexCell("", 6, 6));
            Place(cells, "E06000061", new HexCell("", 7, 6));
        }
        if (year.StartYear >= 2023)
        {
            Recode(cells, "E10000023", "E06000065");
            Recode(cells, "E10000027", "E06000066");
            Recode(cells, "E10000006", "E06000064");
            Place(cells, "E06000063", new HexCell("", 6, 15));
        }
        return cells;
    }

    private static void Recode(Dictionary<string, HexCell> cells, string from, string to)
    {
        var cell = cells[from];
        cells.Remove(from);
        cells[to] = cell with { Code = to };
    }

    private static void Move(Dictionary<string, HexCell> cells, string code, int q, int r) => cells[code] = new HexCell(code, q, r);

    private static void Place(Dictionary<string, HexCell> cells, string code, HexCell at) => cells[code] = at with { Code = code };

    /// <summary>The first free neighbour of a cell, looking clockwise from the east.</summary>
    private static HexCell Free(Dictionary<string, HexCell> cells, HexCell of)
    {
        var taken = cells.Values.Select(c => (c.Q, c.R)).ToHashSet();
        var shift = of.R % 2 == 0 ? 0 : 1; // odd rows sit half a cell to the east
        (int, int)[] around = [(1, 0), (shift, -1), (shift - 1, -1), (-1, 0), (shift - 1, 1), (shift, 1)];
        foreach (var (dq, dr) in around)
        {
            if (!taken.Contains((of.Q + dq, of.R + dr))) return new HexCell("", of.Q + dq, of.R + dr);
        }
        throw new InvalidOperationException($"no free cell next to {of.Code}");
    }
}
