using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// BDQ's one rule for text: two texts are equal when their folded forms (<see cref="TextNormalizer.Normalize"/>) are
/// equal, and they order by the code points of their folded forms. Every engine (in-memory indexes and executor,
/// generated code, expression trees, SQL through the folded column) compares text this way.
/// </summary>
public sealed class FoldedTextComparer : IEqualityComparer<string>, IComparer<string>
{
    private FoldedTextComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static FoldedTextComparer Instance { get; } = new();

    /// <summary>The text BDQ compares for a value of a text field: the string itself, or a <see cref="Guid"/>'s "D" form; otherwise null.</summary>
    internal static string? TextOf(object? value) => value as string ?? (value is Guid guid ? guid.ToString() : null);

    /// <summary>Whether the folded forms of <paramref name="x"/> and <paramref name="y"/> are equal (two nulls are).</summary>
    public bool Equals(string? x, string? y) => x is null || y is null
        ? x is null && y is null
        : string.Equals(TextNormalizer.Normalize(x), TextNormalizer.Normalize(y), StringComparison.Ordinal);

    /// <summary>A hash of the folded form.</summary>
    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return StringComparer.Ordinal.GetHashCode(TextNormalizer.Normalize(obj));
    }

    /// <summary>The code-point order of the folded forms; null first.</summary>
    public int Compare(string? x, string? y) =>
        TextNormalizer.CompareCodePoints(x is null ? null : TextNormalizer.Normalize(x), y is null ? null : TextNormalizer.Normalize(y));
}
