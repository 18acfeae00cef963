using System;
using System.Text;

namespace BorderDomain.Query.Language;

/// <summary>
/// Makes text from queries and data harmless to show: on a terminal (<c>borderq</c>), in a diagnostic's caret display
/// (<see cref="BdqDiagnostic.Format"/>) or on a page. Each dangerous character becomes one visible character in
/// its place, so every other character keeps its column (table alignment and a diagnostic's caret line still hold):
/// the C0 controls U+0000–U+001F become their Unicode control pictures U+2400–U+241F (ESC ␛, BEL ␇, TAB ␉, LF ␊, CR ␍),
/// DEL becomes ␡ (U+2421), and the C1 controls U+0080–U+009F and the bidi embeddings, overrides and isolates
/// U+202A–U+202E and U+2066–U+2069 become � (U+FFFD).
/// </summary>
public static class VisibleText
{
    /// <summary>What a C1 control or a bidi control is shown as: U+FFFD REPLACEMENT CHARACTER.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// <paramref name="text"/> with every control character shown as described on <see cref="VisibleText"/>. With
    /// <paramref name="keepLineBreaks"/>, a line feed and a carriage return right before one are kept as line breaks.
    /// </summary>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnsafe(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var shown = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            shown.Append(IsKept(text, i, keepLineBreaks) ? text[i] : Visible(text[i]));
        }

        return shown.ToString();
    }

    /// <summary>The one character <paramref name="c"/> is shown as: itself when it is safe.</summary>
    public static char Visible(char c) => c switch
    {
        < '\u0020' => (char)('\u2400' + c),
        '\u007F' => '\u2421',
        >= '\u0080' and <= '\u009F' => Replacement,
        >= '\u202A' and <= '\u202E' => Replacement,
        >= '\u2066' and <= '\u2069' => Replacement,
        _ => c,
    };

    private static int FirstUnsafe(string text, bool keepLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsKept(text, i, keepLineBreaks))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsKept(string text, int i, bool keepLineBreaks) => text[i] switch
    {
        '\n' => keepLineBreaks,
        '\r' => keepLineBreaks && i + 1 < text.Length && text[i + 1] == '\n',
        var c => Visible(c) == c,
    };
}
