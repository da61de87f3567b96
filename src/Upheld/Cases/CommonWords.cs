namespace Upheld.Cases;

/// <summary>Words too common to search for: PostgreSQL's english stop-word list, applied on every engine alike.</summary>
/// <remarks>
/// PostgreSQL's english configuration drops these words from the index and from queries; SQLite's FTS5 keeps them.
/// Leaving them out of every search before it reaches either engine makes the two find the same decisions, and lets
/// the page say which words were not searched for. The list is <c>tsearch_data/english.stop</c> of PostgreSQL 15
/// (the Snowball project's list); a test checks it against the server.
/// </remarks>
public static class CommonWords
{
    public static readonly IReadOnlySet<string> English = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
        "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who",
        "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while",
        "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before", "after", "above", "below", "to",
        "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
        "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now",
    };
}
