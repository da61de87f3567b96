using System.Reflection;
using System.Text.Json;

namespace Upheld.Maps;

/// <summary>Reads the HexJSON layouts embedded in the engine (see <c>Layouts/SOURCES.md</c>).</summary>
internal static class HexJson
{
    public static Dictionary<string, HexCell> Read(string file)
    {
        var name = "Upheld.Maps.Layouts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"layout {file} is not embedded");
        using var document = JsonDocument.Parse(stream);
        if (document.RootElement.GetProperty("layout").GetString() != "odd-r")
            throw new InvalidDataException($"{file}: only odd-r layouts are drawn");
        return document.RootElement.GetProperty("hexes").EnumerateObject()
            .Where(h => h.Name.StartsWith('E'))
            .ToDictionary(h => h.Name, h => new HexCell(h.Name, h.Value.GetProperty("q").GetInt32(), h.Value.GetProperty("r").GetInt32()), StringComparer.Ordinal);
    }
}
