using System.Globalization;
using System.Text;

namespace BorderDomain.Query.Language;

/// <summary>
/// How text occupies a terminal: the columns of each character (two for East Asian wide characters and emoji, none
/// for combining marks) and a visible, same-width stand-in for each control character (its Unicode control picture).
/// </summary>
internal static class TextWidth
{
    /// <summary>The terminal columns of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    internal static int Of(string text, int start, int end)
    {
        var width = 0;
        for (var i = start; i < end; i += Units(text, i))
        {
            width += Width(text, i);
        }

        return width;
    }

    /// <summary>The UTF-16 units of the character at <paramref name="i"/>: two for a surrogate pair.</summary>
    internal static int Units(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    /// <summary>Appends the character at <paramref name="i"/> as shown (<see cref="VisibleText"/>), and returns its columns.</summary>
    internal static int Append(StringBuilder shown, string text, int i)
    {
        var visible = VisibleText.Visible(text[i]);
        if (visible != text[i])
        {
            shown.Append(visible);
            return 1;
        }

        shown.Append(text, i, Units(text, i));
        return Width(text, i);
    }

    /// <summary>Moves a window start forward off the low half of a surrogate pair.</summary>
    internal static int AlignStart(string text, int i) => i > 0 && i < text.Length && char.IsLowSurrogate(text[i]) ? i + 1 : i;

    /// <summary>Moves a window end forward past the low half of a surrogate pair.</summary>
    internal static int AlignEnd(string text, int i) => i > 0 && i < text.Length && char.IsLowSurrogate(text[i]) ? i + 1 : i;

    private static int Width(string text, int i)
    {
        var c = text[i];
        if (VisibleText.Visible(c) != c)
        {
            return 1;
        }

        var codePoint = Units(text, i) == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
        switch (CharUnicodeInfo.GetUnicodeCategory(text, i))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return 0;
        }

        return IsWide(codePoint) ? 2 : 1;
    }

    // East Asian Wide and Fullwidth blocks, and the emoji planes terminals draw two columns wide.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD;
}
