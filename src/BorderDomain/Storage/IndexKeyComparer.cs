using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>Equality for index keys: strings compare ordinally ignoring case; everything else by its own equality.</summary>
internal sealed class IndexKeyComparer : IEqualityComparer<object>
{
    internal static readonly IndexKeyComparer Instance = new();

    public new bool Equals(object? x, object? y) => x is string a && y is string b
        ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is string text
        ? StringComparer.OrdinalIgnoreCase.GetHashCode(text)
        : obj.GetHashCode();
}
