using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Upheld.Letters;

namespace Upheld.Documents;

/// <summary>Renders composed letters to HTML documents with the framework's <see cref="HtmlRenderer"/>.</summary>
/// <remarks>One instance renders many letters; dispose it when done.</remarks>
public sealed class LetterHtml : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    public LetterHtml()
    {
        _services = new ServiceCollection().AddLogging().BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
    }

    /// <summary>The letter's stylesheet, embedded in the page so that a letter file needs nothing beside it.</summary>
    internal static readonly string Css = ReadCss();

    public Task<string> RenderAsync(Letter letter, Edition edition) =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(LetterPage.Letter)] = letter,
                [nameof(LetterPage.SignatureSource)] = SignatureSource(edition),
            });
            var output = await _renderer.RenderComponentAsync<LetterPage>(parameters);
            return output.ToHtmlString();
        });

    private static string SignatureSource(Edition edition)
    {
        var type = Path.GetExtension(edition.Signatory.Image).ToLowerInvariant() switch
        {
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            var other => throw new InvalidDataException($"signature image type {other} is not svg, png or jpeg"),
        };
        return $"data:{type};base64,{Convert.ToBase64String(edition.SignatureImage)}";
    }

    private static string ReadCss()
    {
        using var stream = typeof(LetterHtml).Assembly.GetManifestResourceStream("Upheld.Documents.letter.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
