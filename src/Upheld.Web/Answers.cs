using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Upheld.Web.Pages;

namespace Upheld.Web;

/// <summary>Shorthands for answering with a page, a permanent redirect or the not-found page.</summary>
internal static class Answers
{
    public static RazorComponentResult Page<TComponent>(object parameters) where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TComponent>(parameters);

    public static RazorComponentResult NotFound() => new RazorComponentResult<NotFoundPage> { StatusCode = StatusCodes.Status404NotFound };

    public static IResult MovedTo(string path) => TypedResults.Redirect(path, permanent: true);
}
