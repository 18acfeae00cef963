using System;
using System.Collections.Generic;

namespace BorderDomain.Storage;

/// <summary>
/// Folds text for case- and accent-insensitive matching: "Minería" and "MINERIA" both become "mineria".
/// Uses its own folding table for Latin letters, so it behaves the same with or without ICU and in
/// invariant-globalization apps. Ligatures and sharp s fold to their letters, as PostgreSQL's <c>unaccent</c> spells
/// them: <c>Æ</c>/<c>æ</c> to <c>ae</c>, <c>Œ</c>/<c>œ</c> to <c>oe</c>, <c>Ĳ</c>/<c>ĳ</c> to <c>ij</c>, <c>ß</c> and
/// <c>ẞ</c> to <c>ss</c>, <c>Þ</c>/<c>þ</c> to <c>th</c>. Databases never fold: the EF Core package stores this
/// folding, computed in .NET, beside each text column, and folds a query's search text the same way.
/// </summary>
public static class TextNormalizer
{
    // Base letters for U+0100..U+017F (Latin Extended-A), in code-point order.
    private const string LatinExtendedA =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyyZzZzZzs";

    /// <summary>Lower-cases and strips accents; keeps every other character as it is.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAlreadyNormal(text.AsSpan()))
        {
            return text;
        }

        // One allocation, the result at its final length: the folded length is counted first, then written in place.
#if NET8_0_OR_GREATER
        return string.Create(FoldedLength(text.AsSpan()), text, static (into, source) => Fold(source, into));
#else
        var folded = new char[FoldedLength(text.AsSpan())];
        Fold(text.AsSpan(), folded);
        return new string(folded);
#endif
    }

    /// <summary>How many characters <paramref name="text"/> folds to (<see cref="Normalize"/>'s length).</summary>
    internal static int FoldedLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += c < 0x80 ? 1 : FoldedLength(c); // ASCII folds to one character: no call
        }

        return length;
    }

    /// <summary>
    /// Writes the folded form of <paramref name="text"/> into <paramref name="into"/> (at least
    /// <see cref="FoldedLength(ReadOnlySpan{char})"/> long; twice the text's length always suffices) and returns its length.
    /// </summary>
    internal static int Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var at = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                into[at++] = FoldAscii(c); // without the call and the slice
            }
            else
            {
                at += Fold(c, into[at..]);
            }
        }

        return at;
    }

    /// <summary>Whether <paramref name="text"/> is its own folded form: no capital ASCII letter, nothing above U+007F.</summary>
    internal static bool IsAlreadyNormal(ReadOnlySpan<char> text)
    {
        // A plain loop: the generic span searches (ContainsAnyInRange and the like) allocated on every call here.
        foreach (var c in text)
        {
            if (c >= 0x80 || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Orders two texts by Unicode code point (as SQL's binary <c>C</c> collation orders UTF-8), which differs from
    /// <see cref="string.CompareOrdinal(string, string)"/> only where a surrogate pair meets a character above U+D7FF.
    /// BDQ orders folded text, and keys, this way in every engine.
    /// </summary>
    public static int CompareCodePoints(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        return CompareCodePointSpans(left.AsSpan(), right.AsSpan());
    }

    /// <summary>Orders two texts by Unicode code point, as <see cref="CompareCodePoints(string?, string?)"/> does.</summary>
    internal static int CompareCodePointSpans(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        // The common prefix is found with vectorised compares; only the first differing pair needs the code-point rule.
#if NET7_0_OR_GREATER
        var i = left.CommonPrefixLength(right);
#else
        var i = 0;
        while (i < left.Length && i < right.Length && left[i] == right[i])
        {
            i++;
        }
#endif
        if (i < left.Length && i < right.Length)
        {
            // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: move them above U+E000..U+FFFF.
            return CodePointRank(left[i]).CompareTo(CodePointRank(right[i]));
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <summary>Splits folded text into words: maximal runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string normalized)
    {
        foreach (var (start, length) in WordRanges(normalized))
        {
            yield return normalized.Substring(start, length);
        }
    }

    /// <summary>Where the words of <see cref="Words"/> are in the folded text, without making them.</summary>
    internal static IEnumerable<(int Start, int Length)> WordRanges(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return Ranges(normalized);

        static IEnumerable<(int Start, int Length)> Ranges(string normalized)
        {
            var from = 0;
            while (NextWord(normalized.AsSpan(), ref from, out var start, out var length))
            {
                yield return (start, length);
            }
        }
    }

    /// <summary>
    /// The next word of <see cref="Words"/> in <paramref name="normalized"/> at or after <paramref name="from"/>, which
    /// is moved past it; <see langword="false"/> when there is none. Allocates nothing.
    /// </summary>
    internal static bool NextWord(ReadOnlySpan<char> normalized, ref int from, out int start, out int length)
    {
        var i = from;
        while (i < normalized.Length && !IsWordChar(normalized[i]))
        {
            i++;
        }

        start = i;
        while (i < normalized.Length && IsWordChar(normalized[i]))
        {
            i++;
        }

        length = i - start;
        from = i;
        return length > 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => c < 0x80 ? c is >= 'a' and <= 'z' or >= '0' and <= '9' or >= 'A' and <= 'Z' : char.IsLetterOrDigit(c);

    private static int CodePointRank(char c) => c >= 0xD800 && c <= 0xDFFF ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;

    // How many characters c folds to (none for a combining accent, two for a ligature or sharp s, else one), read from
    // Fold itself so the two cannot disagree.
    private static int FoldedLength(char c) => c < 0x80 ? 1 : Fold(c, stackalloc char[2]);

    // The folded form of an ASCII character: its lower case.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static char FoldAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    // Writes the folded form of c (FoldedLength(c) characters) at the start of into; returns how many.
    private static int Fold(char c, Span<char> into)
    {
        switch (c)
        {
            case < (char)0x80:
                into[0] = FoldAscii(c);
                return 1;
            case >= (char)0x0300 and <= (char)0x036F:
                return 0; // combining accent left over from decomposed input
            case '\u0152' or '\u0153':
                return Two(into, 'o', 'e');
            case '\u0132' or '\u0133':
                return Two(into, 'i', 'j');
            case '\u1E9E':
                return Two(into, 's', 's');
            case >= (char)0x0100 and <= (char)0x017F:
                into[0] = char.ToLowerInvariant(LatinExtendedA[c - 0x0100]);
                return 1;
            case >= (char)0x00C0 and <= (char)0x00FF:
                return FoldLatin1(c, into);
            default:
                into[0] = char.ToLowerInvariant(c);
                return 1;
        }
    }

    private static int Two(Span<char> into, char first, char second)
    {
        into[1] = second;
        into[0] = first;
        return 2;
    }

    private static int FoldLatin1(char c, Span<char> into)
    {
        var lower = char.ToLowerInvariant(c);
        switch (lower)
        {
            case 'æ':
                return Two(into, 'a', 'e');
            case 'þ':
                return Two(into, 't', 'h');
            case 'ß':
                return Two(into, 's', 's');
        }

        into[0] = lower switch
        {
            >= 'à' and <= 'å' => 'a',
            'ç' => 'c',
            >= 'è' and <= 'ë' => 'e',
            >= 'ì' and <= 'ï' => 'i',
            'ð' => 'd',
            'ñ' => 'n',
            >= 'ò' and <= 'ö' or 'ø' => 'o',
            >= 'ù' and <= 'ü' => 'u',
            'ý' or 'ÿ' => 'y',
            var other => other,
        };
        return 1;
    }
}
