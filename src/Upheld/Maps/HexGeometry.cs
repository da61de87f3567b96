using System.Globalization;
using System.Text;

namespace Upheld.Maps;

/// <summary>Where each cell of a <see cref="HexLayout"/> is drawn: pointy-topped hexagons in SVG coordinates, north up.</summary>
/// <remarks>In odd-r layouts odd rows sit half a cell east; HexJSON rows grow northwards while SVG's y grows downwards.</remarks>
public sealed class HexGeometry(HexLayout layout, double size = 10)
{
    private static readonly double Root3 = Math.Sqrt(3);

    public double Size => size;
    public double Width => (layout.MaxQ - layout.MinQ + 1.5) * Root3 * size;
    public double Height => ((layout.MaxR - layout.MinR) * 1.5 + 2) * size;

    public (double X, double Y) Centre(HexCell cell)
    {
        var odd = Math.Abs(cell.R % 2) == 1 ? 0.5 : 0;
        var x = (cell.Q - layout.MinQ + odd + 0.5) * Root3 * size;
        var y = ((layout.MaxR - cell.R) * 1.5 + 1) * size;
        return (x, y);
    }

    /// <summary>The SVG <c>points</c> of the cell's hexagon, to two decimals.</summary>
    public string Points(HexCell cell)
    {
        var (x, y) = Centre(cell);
        var points = new StringBuilder();
        for (var corner = 0; corner < 6; corner++)
        {
            var angle = Math.PI / 180 * (60 * corner - 30);
            if (corner > 0) points.Append(' ');
            points.Append(Format(x + size * Math.Cos(angle))).Append(',').Append(Format(y + size * Math.Sin(angle)));
        }
        return points.ToString();
    }

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
