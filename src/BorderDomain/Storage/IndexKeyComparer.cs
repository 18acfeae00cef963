using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>Equality for index keys: strings by their folded form (<see cref="FoldedTextComparer"/>); everything else by its own equality.</summary>
internal sealed class IndexKeyComparer : IEqualityComparer<object>
{
    internal static readonly IndexKeyComparer Instance = new();

    public new bool Equals(object? x, object? y) => FoldedTextComparer.TextOf(x) is { } a && FoldedTextComparer.TextOf(y) is { } b
        ? FoldedTextComparer.Instance.Equals(a, b)
        : object.Equals(x, y);

    public int GetHashCode(object obj) => FoldedTextComparer.TextOf(obj) is { } text
        ? FoldedTextComparer.Instance.GetHashCode(text)
        : obj.GetHashCode();
}
