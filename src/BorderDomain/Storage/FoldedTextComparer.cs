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
    // The longest text folded on the stack (into twice its length, which always suffices) rather than a rented buffer.
    private const int ShortText = 32;

    private FoldedTextComparer()
    {
    }

    /// <summary>The comparer.</summary>
    public static FoldedTextComparer Instance { get; } = new();

    /// <summary>The text BDQ compares for a value of a text field: the string itself, or a <see cref="Guid"/>'s "D" form; otherwise null.</summary>
    internal static string? TextOf(object? value) => value as string ?? (value is Guid guid ? guid.ToString() : null);

    /// <summary>Whether the folded forms of <paramref name="x"/> and <paramref name="y"/> are equal (two nulls are).</summary>
    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return true;
        }

        if (TextNormalizer.IsAlreadyNormal(x) && TextNormalizer.IsAlreadyNormal(y))
        {
            return false;
        }

        if (x.Length <= ShortText && y.Length <= ShortText)
        {
            // Folded on the stack: no pool to rent from for a short key (a code, an id).
            Span<char> leftText = stackalloc char[2 * ShortText];
            Span<char> rightText = stackalloc char[2 * ShortText];
            return leftText[..TextNormalizer.Fold(x, leftText)].SequenceEqual(rightText[..TextNormalizer.Fold(y, rightText)]);
        }

        // Folded into buffers, not strings: a key map's lookups allocate nothing.
        using var left = new Folded(x);
        using var right = new Folded(y);
        return left.Text.SequenceEqual(right.Text);
    }

    /// <summary>A hash of the folded form.</summary>
    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Length <= ShortText && !TextNormalizer.IsAlreadyNormal(obj))
        {
            Span<char> text = stackalloc char[2 * ShortText];
            return string.GetHashCode(text[..TextNormalizer.Fold(obj, text)]);
        }

        using var folded = new Folded(obj);
        return string.GetHashCode(folded.Text);
    }

    /// <summary>The code-point order of the folded forms; null first.</summary>
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return TextNormalizer.CompareCodePoints(x, y);
        }

        using var left = new Folded(x);
        using var right = new Folded(y);
        return TextNormalizer.CompareCodePointSpans(left.Text, right.Text);
    }

    // A text's folded form in a rented buffer (the text itself when already folded); returned to the pool on Dispose.
    private ref struct Folded
    {
        private readonly char[]? _rented;

        public Folded(string text)
        {
            if (TextNormalizer.IsAlreadyNormal(text))
            {
                Text = text;
                return;
            }

            _rented = System.Buffers.ArrayPool<char>.Shared.Rent(2 * text.Length);
            Text = _rented.AsSpan(0, TextNormalizer.Fold(text, _rented));
        }

        public ReadOnlySpan<char> Text { get; }

        public readonly void Dispose()
        {
            if (_rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(_rented);
            }
        }
    }
}
