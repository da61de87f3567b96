using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Upheld.Letters;

/// <summary>The hash that identifies a letter's content: every word and figure it prints, and its edition.</summary>
/// <remarks>
/// Hashing the composed letter rather than raw rows means a change that alters no word (a new case at another council
/// that leaves the rounded average as it was) keeps the rendered PDF and the approval.
/// </remarks>
public static class LetterHash
{
    public static string Of(Letter letter, Edition edition)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(letter);
        var bytes = Encoding.UTF8.GetBytes(edition.Hash).Concat(content).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
