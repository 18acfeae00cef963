using System;
using System.Collections.Generic;
using System.Text;

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
        if (IsAlreadyNormal(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            Append(builder, c);
        }

        return builder.ToString();
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

        // The common prefix is found with vectorised compares; only the first differing pair needs the code-point rule.
#if NET7_0_OR_GREATER
        var i = left.AsSpan().CommonPrefixLength(right.AsSpan());
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
            var start = -1;
            for (var i = 0; i <= normalized.Length; i++)
            {
                var isWordChar = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
                if (isWordChar && start < 0)
                {
                    start = i;
                }
                else if (!isWordChar && start >= 0)
                {
                    yield return (start, i - start);
                    start = -1;
                }
            }
        }
    }

    private static int CodePointRank(char c) => c >= 0xD800 && c <= 0xDFFF ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;

    private static bool IsAlreadyNormal(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 || c is >= 'A' and <= 'Z')
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder builder, char c)
    {
        switch (c)
        {
            case < (char)0x80:
                builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                return;
            case >= (char)0x0300 and <= (char)0x036F:
                return; // combining accent left over from decomposed input
            case '\u0152' or '\u0153':
                builder.Append("oe");
                return;
            case '\u0132' or '\u0133':
                builder.Append("ij");
                return;
            case '\u1E9E':
                builder.Append("ss");
                return;
            case >= (char)0x0100 and <= (char)0x017F:
                builder.Append(char.ToLowerInvariant(LatinExtendedA[c - 0x0100]));
                return;
            case >= (char)0x00C0 and <= (char)0x00FF:
                builder.Append(FoldLatin1(c));
                return;
            default:
                builder.Append(char.ToLowerInvariant(c));
                return;
        }
    }

    private static string FoldLatin1(char c) => char.ToLowerInvariant(c) switch
    {
        >= 'à' and <= 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        >= 'è' and <= 'ë' => "e",
        >= 'ì' and <= 'ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        >= 'ò' and <= 'ö' or 'ø' => "o",
        >= 'ù' and <= 'ü' => "u",
        'ý' or 'ÿ' => "y",
        'þ' => "th",
        'ß' => "ss",
        var other => other.ToString(),
    };
}
