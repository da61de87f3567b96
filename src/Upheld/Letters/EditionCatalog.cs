using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace Upheld.Letters;

/// <summary>The editions the system knows: those shipped with it, plus any edition files in a folder the user names.</summary>
/// <remarks>An edition file is <c>NAME.json</c> with its signature image beside it; a later file serving the same year wins.</remarks>
public sealed class EditionCatalog
{
    private const string Prefix = "Upheld.Letters.Editions.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<Edition> _editions;

    private EditionCatalog(List<Edition> editions) => _editions = editions;

    public IReadOnlyList<Edition> All => _editions;

    /// <summary>The shipped editions, and then those in <paramref name="folder"/> when given.</summary>
    public static EditionCatalog Load(string? folder = null)
    {
        var assembly = typeof(EditionCatalog).Assembly;
        var editions = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(n, Resource(assembly, n)!, image => Resource(assembly, Prefix + image)))
            .ToList();
        if (folder is not null)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"editions folder {folder} does not exist");
            editions.AddRange(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f =>
                Read(f, File.ReadAllBytes(f), image => File.Exists(Path.Combine(folder, image)) ? File.ReadAllBytes(Path.Combine(folder, image)) : null)));
        }
        return new EditionCatalog(editions);
    }

    /// <summary>The edition that writes letters for <paramref name="year"/>, or null: a year no edition serves has no letter.</summary>
    public Edition? For(FinancialYear year) => _editions.LastOrDefault(e => e.Serves(year));

    private static Edition Read(string name, byte[] json, Func<string, byte[]?> image)
    {
        Edition edition;
        try
        {
            edition = JsonSerializer.Deserialize<Edition>(json, Json) ?? throw new InvalidDataException("empty");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"edition {name}: {e.Message}", e);
        }
        var signature = image(edition.Signatory.Image)
            ?? throw new InvalidDataException($"edition {name}: signature image {edition.Signatory.Image} is missing");
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. json, .. signature]));
        return edition with { SignatureImage = signature, Hash = hash };
    }

    private static byte[]? Resource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
