using System.Globalization;

namespace Upheld.Letters;

/// <summary>Counts as a letter writes them: one to nine in words, 10 and more in figures.</summary>
public static class LetterWords
{
    private static readonly string[] Small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static string Count(long n) => n is >= 0 and <= 9 ? Small[n] : n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"22 July 2020".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Joins items as a sentence lists them: "a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Joins remedies as a sentence does: "to a", "to a and to b", "to a, to b, and to c".</summary>
    public static string Actions(IReadOnlyList<string> actions) => actions.Count switch
    {
        0 => "",
        1 => actions[0],
        2 => $"{actions[0]} and to {actions[1]}",
        _ => string.Join(", to ", actions.Take(actions.Count - 1)) + ", and to " + actions[^1],
    };
}
