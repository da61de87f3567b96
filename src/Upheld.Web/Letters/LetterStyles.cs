namespace Upheld.Web.Letters;

/// <summary>The letter's stylesheet, embedded in the page so a letter file needs nothing beside it.</summary>
internal static class LetterStyles
{
    public static readonly string Css = Read();

    private static string Read()
    {
        using var stream = typeof(LetterStyles).Assembly.GetManifestResourceStream("Upheld.Web.Letters.letter.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
