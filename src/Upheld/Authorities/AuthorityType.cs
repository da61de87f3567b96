namespace Upheld.Authorities;

/// <summary>The five kinds of council the ombudsman compares like with like.</summary>
public enum AuthorityType
{
    County,
    District,
    MetropolitanBorough,
    Unitary,
    LondonBorough,
}

/// <summary>Names and ONS code prefixes of <see cref="AuthorityType"/>.</summary>
public static class AuthorityTypes
{
    public static readonly IReadOnlyList<AuthorityType> All = Enum.GetValues<AuthorityType>();

    /// <summary>The type an ONS (GSS) code stands for, from its prefix alone; never from a name.</summary>
    public static AuthorityType? FromCode(string code) => code.Length < 3 ? null : code[..3] switch
    {
        "E10" => AuthorityType.County,
        "E07" => AuthorityType.District,
        "E08" => AuthorityType.MetropolitanBorough,
        "E06" => AuthorityType.Unitary,
        "E09" => AuthorityType.LondonBorough,
        _ => null,
    };

    /// <summary>The display name used in the data formats: "Metropolitan Borough", not "MetropolitanBorough".</summary>
    public static string DisplayName(this AuthorityType type) => type switch
    {
        AuthorityType.MetropolitanBorough => "Metropolitan Borough",
        AuthorityType.LondonBorough => "London Borough",
        _ => type.ToString(),
    };

    public static AuthorityType? Parse(string name) => name switch
    {
        "County" => AuthorityType.County,
        "District" => AuthorityType.District,
        "Metropolitan Borough" => AuthorityType.MetropolitanBorough,
        "Unitary" => AuthorityType.Unitary,
        "London Borough" => AuthorityType.LondonBorough,
        _ => null,
    };
}
