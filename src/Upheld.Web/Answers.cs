using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Upheld.Web.Pages;

namespace Upheld.Web;

/// <summary>A page component rendered from one record model, its only parameter.</summary>
public interface IPageOf<TModel> : Microsoft.AspNetCore.Components.IComponent
{
    TModel Model { get; set; }
}

/// <summary>Shorthands for answering with a page, a permanent redirect or the not-found page.</summary>
internal static class Answers
{
    /// <summary>A page that takes nothing, such as the home page before anything is published.</summary>
    public static RazorComponentResult Page<TComponent>() where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>();

    /// <summary>The page <typeparamref name="TComponent"/> rendered from its record model.</summary>
    public static RazorComponentResult Page<TComponent, TModel>(TModel model) where TComponent : IPageOf<TModel> =>
        new RazorComponentResult<TComponent>(new Dictionary<string, object?> { [nameof(IPageOf<TModel>.Model)] = model });

    public static RazorComponentResult NotFound() => new RazorComponentResult<NotFoundPage> { StatusCode = StatusCodes.Status404NotFound };

    public static IResult MovedTo(string path) => TypedResults.Redirect(path, permanent: true);
}
