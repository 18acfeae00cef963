using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Orders strings by code point (<see cref="TextNormalizer.CompareCodePoints"/>); null first. A sealed comparer, so sorts
/// call it directly rather than through a delegate.
/// </summary>
internal sealed class CodePointComparer : IComparer<string?>
{
    private CodePointComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <summary>The code-point order of <paramref name="x"/> and <paramref name="y"/>.</summary>
    public int Compare(string? x, string? y) => TextNormalizer.CompareCodePoints(x, y);
}
