using System;
using System.Globalization;

namespace BorderDomain.Query.Language;

/// <summary>A stretch of query text: 0-based offset and length, with the 1-based line and column of its start.</summary>
/// <param name="Start">The 0-based offset of the first character.</param>
/// <param name="Length">The number of characters.</param>
/// <param name="Line">The 1-based line of the first character.</param>
/// <param name="Column">The 1-based column of the first character.</param>
public readonly record struct TextSpan(int Start, int Length, int Line, int Column)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The span at <paramref name="offset"/> of <paramref name="text"/>, with its line and column computed.</summary>
    public static TextSpan At(string text, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextSpan(offset, Math.Max(0, Math.Min(length, text.Length - offset)), line, offset - lineStart + 1);
    }

    /// <summary><c>(line,column)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Line},{Column})");
}
