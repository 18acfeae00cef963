using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace BorderDomain.Generators;

/// <summary>
/// Maps a range of a C# string literal's value (what <c>SyntaxToken.ValueText</c> holds) back to the range of the
/// token's source text that produced it, so a diagnostic about part of the value can underline the exact characters
/// in source, escapes, doubled quotes and raw-string indentation included. Like Dapper.AOT's LiteralLocationHelper.
/// </summary>
/// <remarks>
/// Supports regular (<c>"a\"b"</c>), verbatim (<c>@"a""b"</c>) and raw (<c>"""a"b"""</c>, single- or multi-line)
/// string literals, with or without a <c>u8</c> suffix. Interpolated strings, character literals and malformed
/// literals are not supported: they map to <see langword="null"/>.
/// </remarks>
internal static class LiteralLocator
{
    /// <summary>
    /// Maps the value range [<paramref name="valueStart"/>, <paramref name="valueStart"/> + <paramref name="valueLength"/>)
    /// to a range of <paramref name="tokenText"/>, relative to the token's start.
    /// </summary>
    /// <param name="tokenText">The literal as written in source (<c>SyntaxToken.Text</c>).</param>
    /// <param name="valueStart">The range's start in the literal's value.</param>
    /// <param name="valueLength">The range's length in the value; zero maps to a zero-length range.</param>
    /// <returns>
    /// The range in the token text: from the start of the source of the first value character to the end of the
    /// source of the last. A range splitting the two UTF-16 halves of one <c>\U</c> escape widens to the whole escape.
    /// A zero-length range maps to the start of the source of the character at <paramref name="valueStart"/>; at the
    /// value's end, to just before the closing quotes of a single-line form, and to the end of the last content line
    /// (before the newline and indentation of the closing line) of a multi-line raw string. <see langword="null"/> when
    /// the literal kind is unsupported, the literal is malformed or the range lies outside the value.
    /// </returns>
    internal static (int Start, int Length)? MapToToken(string tokenText, int valueStart, int valueLength)
    {
        if (tokenText is null || valueStart < 0 || valueLength < 0)
        {
            return null;
        }

        var map = Scan(tokenText);
        if (map is null || valueStart > map.Count - valueLength)
        {
            return null;
        }

        if (valueLength == 0)
        {
            return (valueStart < map.Count ? map.Starts[valueStart] : map.ContentEnd, 0);
        }

        var start = map.Starts[valueStart];
        var end = map.Ends[valueStart + valueLength - 1];
        return (start, end - start);
    }

    /// <summary>Where in the token each value character came from.</summary>
    private sealed class SourceMap
    {
        /// <summary>The token offset at which each value character's source starts.</summary>
        public List<int> Starts { get; } = [];

        /// <summary>The token offset just past each value character's source.</summary>
        public List<int> Ends { get; } = [];

        /// <summary>The token offset a zero-length range at the value's end maps to.</summary>
        public int ContentEnd { get; set; }

        public int Count => Starts.Count;

        public void Add(int start, int end)
        {
            Starts.Add(start);
            Ends.Add(end);
        }
    }

    private static SourceMap? Scan(string text)
    {
        var length = text.Length;

        // A UTF-8 literal's suffix follows the closing quotes and contributes nothing to the value.
        if (length >= 3 && (text[length - 1] == '8') && (text[length - 2] == 'u' || text[length - 2] == 'U') && text[length - 3] == '"')
        {
            length -= 2;
        }

        if (length < 2)
        {
            return null;
        }

        if (text[0] == '@')
        {
            return length >= 3 && text[1] == '"' ? ScanVerbatim(text, length) : null;
        }

        if (text[0] != '"')
        {
            // '$' (interpolated), '\'' (character literal) or not a string literal at all.
            return null;
        }

        var quotes = CountQuotes(text, 0, length);
        if (quotes >= 3)
        {
            return ScanRaw(text, length, quotes);
        }

        // Two quotes that end the text are the empty regular string; any other pair can't start a literal.
        return quotes == 1 || length == 2 ? ScanRegular(text, length) : null;
    }

    private static SourceMap? ScanRegular(string text, int length)
    {
        var map = new SourceMap();
        var close = length - 1;
        if (text[close] != '"')
        {
            return null;
        }

        var i = 1;
        while (i < close)
        {
            var start = i;
            var c = text[i];
            if (c == '"' || SyntaxFacts.IsNewLine(c))
            {
                return null;
            }

            if (c != '\\')
            {
                i++;
                map.Add(start, i);
                continue;
            }

            if (i + 1 >= close)
            {
                // The backslash escapes what would be the closing quote: the literal is unterminated.
                return null;
            }

            var kind = text[i + 1];
            i += 2;
            switch (kind)
            {
                case '\'' or '"' or '\\' or '0' or 'a' or 'b' or 'e' or 'f' or 'n' or 'r' or 't' or 'v':
                    map.Add(start, i);
                    break;

                case 'x':
                    var digits = 0;
                    while (digits < 4 && i < close && HexValue(text[i]) >= 0)
                    {
                        i++;
                        digits++;
                    }

                    if (digits == 0)
                    {
                        return null;
                    }

                    map.Add(start, i);
                    break;

                case 'u':
                    if (ReadHex(text, i, 4, close) < 0)
                    {
                        return null;
                    }

                    i += 4;
                    map.Add(start, i);
                    break;

                case 'U':
                    var codePoint = ReadHex(text, i, 8, close);
                    if (codePoint < 0 || codePoint > 0x10FFFF)
                    {
                        return null;
                    }

                    i += 8;
                    map.Add(start, i);
                    if (codePoint > 0xFFFF)
                    {
                        // A surrogate pair: both halves come from the one escape.
                        map.Add(start, i);
                    }

                    break;

                default:
                    return null;
            }
        }

        map.ContentEnd = close;
        return map;
    }

    private static SourceMap? ScanVerbatim(string text, int length)
    {
        var map = new SourceMap();
        var close = length - 1;
        if (text[close] != '"')
        {
            return null;
        }

        var i = 2;
        while (i < close)
        {
            var start = i;
            if (text[i] == '"')
            {
                // Inside the literal a quote is always doubled; a lone one would have closed it.
                if (i + 1 >= close || text[i + 1] != '"')
                {
                    return null;
                }

                i += 2;
            }
            else
            {
                i++;
            }

            map.Add(start, i);
        }

        map.ContentEnd = close;
        return map;
    }

    private static SourceMap? ScanRaw(string text, int length, int quotes)
    {
        if (length < 2 * quotes + 1 || CountQuotesBackward(text, length) != quotes)
        {
            return null;
        }

        var i = quotes;
        while (i < length && SyntaxFacts.IsWhitespace(text[i]))
        {
            i++;
        }

        return i < length && SyntaxFacts.IsNewLine(text[i])
            ? ScanMultiLineRaw(text, length, quotes, i)
            : ScanSingleLineRaw(text, length, quotes);
    }

    private static SourceMap? ScanSingleLineRaw(string text, int length, int quotes)
    {
        var map = new SourceMap();
        var close = length - quotes;
        for (var i = quotes; i < close; i++)
        {
            if (SyntaxFacts.IsNewLine(text[i]))
            {
                return null;
            }

            map.Add(i, i + 1);
        }

        map.ContentEnd = close;
        return map;
    }

    private static SourceMap? ScanMultiLineRaw(string text, int length, int quotes, int firstNewLine)
    {
        // The closing line: indentation whitespace, then the closing quotes.
        var closeQuotes = length - quotes;
        var indentStart = closeQuotes;
        while (indentStart > firstNewLine && SyntaxFacts.IsWhitespace(text[indentStart - 1]))
        {
            indentStart--;
        }

        if (indentStart <= firstNewLine || !SyntaxFacts.IsNewLine(text[indentStart - 1]))
        {
            return null;
        }

        var indentLength = closeQuotes - indentStart;
        var lastNewLine = indentStart - 1;
        if (text[lastNewLine] == '\n' && lastNewLine > firstNewLine && text[lastNewLine - 1] == '\r')
        {
            lastNewLine--;
        }

        // Content lines run between the opening line's newline and the closing line's; there must be at least one.
        var i = firstNewLine + NewLineWidth(text, firstNewLine);
        if (i > lastNewLine)
        {
            return null;
        }

        var map = new SourceMap();
        while (true)
        {
            // Leading whitespace: the indentation is dropped, anything past it is content.
            var lineStart = i;
            while (i < lastNewLine && SyntaxFacts.IsWhitespace(text[i]))
            {
                i++;
            }

            var whitespaceLength = i - lineStart;
            var whitespaceOnly = i == lastNewLine || SyntaxFacts.IsNewLine(text[i]);
            var common = whitespaceLength < indentLength ? whitespaceLength : indentLength;
            if (string.CompareOrdinal(text, lineStart, text, indentStart, common) != 0 || (!whitespaceOnly && whitespaceLength < indentLength))
            {
                return null;
            }

            for (var j = lineStart + common; j < lastNewLine && !SyntaxFacts.IsNewLine(text[j]); j++)
            {
                map.Add(j, j + 1);
            }

            // Skip to the line's end; any newline before the closing line's belongs to the value.
            i = lineStart + common;
            while (i < lastNewLine && !SyntaxFacts.IsNewLine(text[i]))
            {
                i++;
            }

            if (i >= lastNewLine)
            {
                map.ContentEnd = i;
                return map;
            }

            var width = NewLineWidth(text, i);
            for (var j = i; j < i + width; j++)
            {
                map.Add(j, j + 1);
            }

            i += width;
        }
    }

    private static int NewLineWidth(string text, int index) =>
        text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;

    private static int CountQuotes(string text, int start, int end)
    {
        var i = start;
        while (i < end && text[i] == '"')
        {
            i++;
        }

        return i - start;
    }

    private static int CountQuotesBackward(string text, int end)
    {
        var i = end;
        while (i > 0 && text[i - 1] == '"')
        {
            i--;
        }

        return end - i;
    }

    /// <summary>The value of exactly <paramref name="count"/> hex digits at <paramref name="start"/>, or -1.</summary>
    private static long ReadHex(string text, int start, int count, int end)
    {
        if (start + count > end)
        {
            return -1;
        }

        long value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = HexValue(text[i]);
            if (digit < 0)
            {
                return -1;
            }

            value = (value << 4) | (uint)digit;
        }

        return value;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
