using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Upheld.Web.Staff;

/// <summary>What every staff page needs: who is signed in (null on the sign-in page) and the token its forms must carry.</summary>
public sealed record StaffView(StaffIdentity? Person, string FormField, string FormToken);

/// <summary>A staff page rendered from one record model and what every staff page needs.</summary>
public interface IStaffPageOf<TModel> : IPageOf<TModel>
{
    StaffView View { get; set; }
}

/// <summary>Renders staff pages with the person and a fresh anti-forgery token, and the staff area's short answers.</summary>
internal static class StaffAnswers
{
    public static StaffView View(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new StaffView(StaffIdentity.Of(context.User), tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary>A page component with <paramref name="parameters"/> (an anonymous object) plus <c>View</c>.</summary>
    public static RazorComponentResult Page<TComponent>(HttpContext context, object? parameters = null, int status = StatusCodes.Status200OK)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        var values = new Dictionary<string, object?>();
        if (parameters is not null)
            foreach (var property in parameters.GetType().GetProperties()) values[property.Name] = property.GetValue(parameters);
        values["View"] = View(context);
        return new RazorComponentResult<TComponent>(values) { StatusCode = status };
    }

    /// <summary>The staff page <typeparamref name="TComponent"/> rendered from its record model, plus <c>View</c>.</summary>
    public static RazorComponentResult Page<TComponent, TModel>(HttpContext context, TModel model, int status = StatusCodes.Status200OK)
        where TComponent : IStaffPageOf<TModel> =>
        new RazorComponentResult<TComponent>(new Dictionary<string, object?>
        {
            [nameof(IStaffPageOf<TModel>.Model)] = model,
            [nameof(IStaffPageOf<TModel>.View)] = View(context),
        }) { StatusCode = status };

    public static RazorComponentResult Message(HttpContext context, int status, string title, string text) =>
        Page<MessagePage, MessagePageModel>(context, new(title, text), status);

    public static RazorComponentResult NotFound(HttpContext context) =>
        Message(context, StatusCodes.Status404NotFound, "Page not found", "There is nothing at this address in the staff area, or it is not yours to see.");

    /// <summary>Post/redirect/get: after a change, the browser asks again for the page, so reloading never repeats the change.</summary>
    public static IResult SeeOther(string path) => TypedResults.Redirect(path);

    public static StaffIdentity Person(HttpContext context) =>
        StaffIdentity.Of(context.User) ?? throw new InvalidOperationException("a staff route ran without a signed-in person");
}
