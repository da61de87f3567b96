using System.Globalization;

namespace Upheld.Publishing;

/// <summary>Moments written as a UK reader expects them: "1 January 2099, 9:30am", in UK time (GMT or BST, whichever applies then).</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The moment in UK time.</summary>
    public static DateTimeOffset Of(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London);

    /// <summary>"1 January 2099, 9:30am" (minutes always shown; "12:00pm" is midday).</summary>
    public static string Written(DateTimeOffset at)
    {
        var local = Of(at);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return $"{local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {hour}:{local.Minute:00}{(local.Hour < 12 ? "am" : "pm")}";
    }
}
