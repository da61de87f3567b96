using Upheld.Maps;

namespace Upheld.Tests.Maps;

public class HexGeometryTests
{
    private static readonly HexLayout Layout = new(new FinancialYear(2019), MapTier.Lower,
        [new HexCell("A", 0, 0), new HexCell("B", 1, 0), new HexCell("C", 0, 1)]);

    [Fact]
    public void North_is_up_and_odd_rows_sit_half_a_cell_east()
    {
        var geometry = new HexGeometry(Layout, size: 10);

        var (ax, ay) = geometry.Centre(Layout.Cells[0]);
        var (bx, by) = geometry.Centre(Layout.Cells[1]);
        var (cx, cy) = geometry.Centre(Layout.Cells[2]);

        Assert.Equal(10 * Math.Sqrt(3), bx - ax, 9);
        Assert.Equal(ay, by);
        Assert.Equal(15, ay - cy, 9); // row 1 lies north of row 0: smaller y
        Assert.Equal(5 * Math.Sqrt(3), cx - ax, 9);
    }

    [Fact]
    public void A_hexagon_is_six_points_pointy_at_top_and_bottom()
    {
        var geometry = new HexGeometry(Layout, size: 10);

        var points = geometry.Points(Layout.Cells[2]).Split(' ');

        Assert.Equal(6, points.Length);
        var (x, y) = geometry.Centre(Layout.Cells[2]);
        Assert.Equal($"{HexGeometry.Format(x)},{HexGeometry.Format(y + 10)}", points[2]);
        Assert.True(geometry.Width > 0 && geometry.Height >= 35);
    }
}
