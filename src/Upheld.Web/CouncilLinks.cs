namespace Upheld.Web;

/// <summary>The lasting URLs of council pages.</summary>
public static class CouncilLinks
{
    public static string Page(string code, string name) => $"/councils/{code}/{Slug.For(name)}";

    public static string Page(string code, string name, FinancialYear year) => $"{Page(code, name)}/{year}";
}
