using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using BorderDomain.Generators;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace BorderDomain.Tests.Generators;

/// <summary>
/// <see cref="LiteralLocator"/> maps a range of a string literal's value to the source characters that produce it:
/// checked against Roslyn's own lexing of every literal, for every (or a sample of every) range of its value.
/// </summary>
public sealed class LiteralLocatorTests
{
    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    // The literals are written with ` for " so that neither C# escaping nor doubling hides what is being tested.
    public static TheoryData<string> Literals => new()
    {
        // Regular strings.
        Q("`plain text`"),
        Q("``"),
        Q(@"`accords where \`x\` parites`"),
        Q(@"`a\\b\\\\c\\`"),
        Q(@"`\0\a\b\f\n\r\t\v\'\``"),
        Q(@"`\x41\x4g\x004A\x1234Z\xaBcD\xF`"),
        Q(@"`\x0\x00\x000\x0000\x00000`"),
        Q(@"`\u0041\u00e9\uD83D\uDE00 \U0001F600 \U00000041!`"),
        Q(@"`\U0010FFFF\U0002FFFE\U0000FFFF`"),
        Q("`é日本😀\u00A0x`"),
        Q(@"`accords where parties has \`FRA\` and topics has \`water\``"),
        Q(@"`\\\`\\`"),

        // Verbatim strings.
        Q("@`plain`"),
        Q("@``"),
        Q("@`a``b`"),
        Q("@``````"),
        Q(@"@`c:\path\n\`"),
        Q("@`line one\nline two`"),
        Q("@`line one\r\nline two\r\n`"),
        Q("@`😀 ``q`` é`"),
        Q("@`accords where ``x`` parites`"),

        // Single-line raw strings.
        Q("```raw```"),
        Q("````has ``` inside````"),
        Q("```  spaced  ```"),
        Q("```a`b``c```"),
        Q(@"```\n is not an escape```"),
        Q("```😀é```"),

        // Multi-line raw strings.
        Q("```\n    accords\n      where x\n    ```"),
        Q("```\r\n    accords\r\n      where x\r\n    ```"),
        Q("```   \n  first\n\n  \n      \n    deeper\n   \n  ```"),
        Q("```\r\n  first\r\n\r\n  \r\n      \r\n    deeper\r\n  ```"),
        Q("```\n\tx\n\t\ty\n\t```"),
        Q("````\n  has ``` inside\n  ````"),
        Q("```\nno indent\n  indented\n```"),
        Q("```\n    only\n    ```"),
        Q("```\n  `quoted`\n  ```"),
        Q("```\n  a\u2028  b\u0085  c\n  ```"),
        Q("```\n  😀 \\n é\n  ```"),
        Q("```\n  \n  ```"),

        // UTF-8 literals.
        Q(@"`a\`b`u8"),
        Q("@`a``b`u8"),
        Q("```raw```u8"),
        Q("```\n  raw\n  ```u8"),
    };

    public static TheoryData<string> Unsupported => new()
    {
        Q("$`x{1}`"),
        Q("$@`x{1}`"),
        Q("@$`x`"),
        Q("$```x```"),
        "'c'",
        "42",
        Q("`unterminated"),
        Q(@"`abc\`"),
        Q(@"`\q`"),
        Q(@"`\x`"),
        Q(@"`\u12`"),
        Q(@"`\U00110000`"),
        Q("`a`b`"),
        Q("@`a`b`"),
        Q("``````"),
        Q("```\n  ```"),
        Q("```\n  a\n b\n  ```"),
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void MapToToken_EveryValueRange_CoversExactlyTheSourceOfThatRange(string source)
    {
        var token = Parse(source);
        var value = token.ValueText;

        if (value.Length <= 64)
        {
            for (var start = 0; start <= value.Length; start++)
            {
                for (var length = 0; start + length <= value.Length; length++)
                {
                    CheckRange(token, start, length);
                }
            }
        }
        else
        {
            for (var start = 0; start <= value.Length; start++)
            {
                foreach (var length in new[] { 0, 1, 2, 3, 7, value.Length - start })
                {
                    if (start + length <= value.Length)
                    {
                        CheckRange(token, start, length);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void MapToToken_RangesOutsideTheValue_MapToNull(string source)
    {
        var token = Parse(source);
        var length = token.ValueText.Length;

        Assert.Null(LiteralLocator.MapToToken(token.Text, -1, 0));
        Assert.Null(LiteralLocator.MapToToken(token.Text, 0, -1));
        Assert.Null(LiteralLocator.MapToToken(token.Text, length + 1, 0));
        Assert.Null(LiteralLocator.MapToToken(token.Text, 0, length + 1));
        Assert.Null(LiteralLocator.MapToToken(token.Text, length, 1));
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void MapToToken_UnsupportedOrMalformedLiteral_MapsToNull(string tokenText)
    {
        Assert.Null(LiteralLocator.MapToToken(tokenText, 0, 0));
    }

    [Fact]
    public void MapToToken_WordAfterEscapedQuotes_MapsToItsExactSource()
    {
        var token = Parse(Q(@"`accords where \`x\` parites`"));
        var value = token.ValueText;

        Assert.Equal("accords where \"x\" parites", value);
        Assert.Equal((21, 7), LiteralLocator.MapToToken(token.Text, value.IndexOf("parites", StringComparison.Ordinal), 7));
        Assert.Equal("parites", token.Text.Substring(21, 7));
        Assert.Equal((15, 5), LiteralLocator.MapToToken(token.Text, 14, 3));
        Assert.Equal((15, 2), LiteralLocator.MapToToken(token.Text, 14, 1));
        Assert.Equal((15, 0), LiteralLocator.MapToToken(token.Text, 14, 0));
    }

    [Theory]
    [InlineData("`accords where`", 13, 14)]
    [InlineData("``", 0, 1)]
    [InlineData(@"`a\`b`", 3, 5)]
    [InlineData(@"`\U0001F600`", 2, 11)]
    [InlineData("@`a``b`", 3, 6)]
    [InlineData("@``", 0, 2)]
    [InlineData("```raw```", 3, 6)]
    [InlineData("````a```b````", 5, 9)]
    [InlineData("`a`u8", 1, 2)]
    [InlineData("```raw```u8", 3, 6)]
    public void MapToToken_EmptyRangeAtTheValuesEnd_MapsToJustBeforeTheClosingQuotes(string literal, int valueLength, int tokenOffset)
    {
        var token = Parse(Q(literal));

        Assert.Equal(valueLength, token.ValueText.Length);
        Assert.Equal((tokenOffset, 0), LiteralLocator.MapToToken(token.Text, valueLength, 0));
    }

    [Fact]
    public void MapToToken_MultiLineRawString_SkipsTheIndentationAndTheOuterNewLines()
    {
        var token = Parse(Q("```\n    accords\n      where x\n    ```"));
        var text = token.Text;

        Assert.Equal("accords\n  where x", token.ValueText);
        Assert.Equal((8, 7), LiteralLocator.MapToToken(text, 0, 7));
        Assert.Equal((22, 5), LiteralLocator.MapToToken(text, 10, 5));
        Assert.Equal((8, 19), LiteralLocator.MapToToken(text, 0, 15));
        Assert.Equal((15, 1), LiteralLocator.MapToToken(text, 7, 1));
        Assert.Equal((20, 0), LiteralLocator.MapToToken(text, 8, 0));

        // The value ends with the last content line, before the closing line's newline and indentation.
        Assert.Equal((29, 0), LiteralLocator.MapToToken(text, 17, 0));
        Assert.Equal((28, 1), LiteralLocator.MapToToken(text, 16, 1));
    }

    [Fact]
    public void MapToToken_CarriageReturnLineFeed_StaysTwoValueCharacters()
    {
        var verbatim = Parse("@\"a\r\nb\"");
        Assert.Equal("a\r\nb", verbatim.ValueText);
        Assert.Equal((3, 2), LiteralLocator.MapToToken(verbatim.Text, 1, 2));
        Assert.Equal((4, 1), LiteralLocator.MapToToken(verbatim.Text, 2, 1));

        var raw = Parse("\"\"\"\r\n  a\r\n  b\r\n  \"\"\"");
        Assert.Equal("a\r\nb", raw.ValueText);
        Assert.Equal((8, 2), LiteralLocator.MapToToken(raw.Text, 1, 2));
        Assert.Equal((12, 1), LiteralLocator.MapToToken(raw.Text, 3, 1));
        Assert.Equal((13, 0), LiteralLocator.MapToToken(raw.Text, 4, 0));
    }

    [Fact]
    public void MapToToken_Escapes_MapToTheWholeEscape()
    {
        var token = Parse(Q(@"`\x41\x4g\U0001F600\u0041\t`"));
        var text = token.Text;

        Assert.Equal("A\u0004g\U0001F600A\t", token.ValueText);
        Assert.Equal((1, 4), LiteralLocator.MapToToken(text, 0, 1));
        Assert.Equal((5, 3), LiteralLocator.MapToToken(text, 1, 1));
        Assert.Equal((8, 1), LiteralLocator.MapToToken(text, 2, 1));

        // Both halves of the surrogate pair come from the one \U escape.
        Assert.Equal((9, 10), LiteralLocator.MapToToken(text, 3, 1));
        Assert.Equal((9, 10), LiteralLocator.MapToToken(text, 4, 1));
        Assert.Equal((9, 10), LiteralLocator.MapToToken(text, 3, 2));
        Assert.Equal((9, 0), LiteralLocator.MapToToken(text, 4, 0));
        Assert.Equal((19, 6), LiteralLocator.MapToToken(text, 5, 1));
        Assert.Equal((25, 2), LiteralLocator.MapToToken(text, 6, 1));
        Assert.Equal((27, 0), LiteralLocator.MapToToken(text, 7, 0));
    }

    [BdqProperty]
    public void MapToToken_RandomStringsInEveryLiteralForm_MapEachCharacterToSourceThatDecodesToIt(LiteralValue input)
    {
        var value = input.Value;
        foreach (var literal in Render(value))
        {
            var token = Parse(literal);
            Assert.Equal(value, token.ValueText);

            for (var i = 0; i < value.Length; i++)
            {
                CheckRange(token, i, 1);
            }

            CheckRange(token, value.Length, 0);
        }
    }

    private static readonly Regex UEscape = new(@"^\\U[0-9a-fA-F]{8}", RegexOptions.CultureInvariant);

    private static readonly Regex UEscapeAtEnd = new(@"(?<!\\)(\\\\)*\\U[0-9a-fA-F]{8}$", RegexOptions.CultureInvariant);

    private static string Q(string text) => text.Replace('`', '"');

    private static SyntaxToken Parse(string source)
    {
        var expression = SyntaxFactory.ParseExpression(source, options: Options);
        var literal = Assert.IsType<LiteralExpressionSyntax>(expression);
        Assert.Empty(expression.GetDiagnostics());
        Assert.Equal(source, literal.Token.Text);
        return literal.Token;
    }

    private static bool IsRaw(SyntaxToken token) =>
        token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ||
        token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) ||
        token.Text.StartsWith("\"\"\"", StringComparison.Ordinal);

    // The value of a piece of a regular or verbatim literal's source, read as a literal of the same kind.
    private static string Decode(SyntaxToken token, string piece) =>
        Parse(token.Text[0] == '@' ? "@\"" + piece + "\"" : "\"" + piece + "\"").ValueText;

    private static void CheckRange(SyntaxToken token, int start, int length)
    {
        var text = token.Text;
        var value = token.ValueText;
        var mapped = LiteralLocator.MapToToken(text, start, length);
        Assert.True(mapped.HasValue, $"no mapping for ({start}, {length}) in {text}");
        var (tokenStart, tokenLength) = mapped.Value;
        var opening = text[0] == '@' ? 2 : IsRaw(token) ? text.TakeWhile(c => c == '"').Count() : 1;
        Assert.InRange(tokenStart, opening, text.Length - 1);
        Assert.InRange(tokenStart + tokenLength, tokenStart, text.Length - 1);

        if (length == 0)
        {
            Assert.Equal(0, tokenLength);
            if (start < value.Length)
            {
                Assert.Equal(tokenStart, LiteralLocator.MapToToken(text, start, 1)!.Value.Start);
            }
            var multiLine = token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken);
            if (start == value.Length && start > 0)
            {
                // Just past the last character's source; in a multi-line raw string, past any whitespace after it
                // that the indentation swallowed, at the end of the last content line.
                var last = LiteralLocator.MapToToken(text, start - 1, 1)!.Value;
                var between = text.Substring(last.Start + last.Length, tokenStart - (last.Start + last.Length));
                Assert.True(multiLine ? between.All(SyntaxFacts.IsWhitespace) : between.Length == 0, $"end of {text} maps to {tokenStart}");
            }

            if (start == value.Length && multiLine)
            {
                // The end of the last content line: only the closing line follows.
                Assert.True(SyntaxFacts.IsNewLine(text[tokenStart]));
                Assert.Matches(@"^(\r\n|\n)[ \t]*""{3,}(u8)?$", text[tokenStart..]);
            }

            if (start == value.Length && !multiLine)
            {
                // Single-line forms: just before the closing quotes (and any u8 suffix).
                var body = text.EndsWith("u8", StringComparison.Ordinal) ? text[..^2] : text;
                var closing = IsRaw(token) ? opening : 1;
                Assert.Equal(body.Length - closing, tokenStart);
            }

            return;
        }

        Assert.True(tokenLength > 0);
        var first = LiteralLocator.MapToToken(text, start, 1)!.Value;
        var final = LiteralLocator.MapToToken(text, start + length - 1, 1)!.Value;
        Assert.Equal(first.Start, tokenStart);
        Assert.Equal(final.Start + final.Length, tokenStart + tokenLength);

        var piece = text.Substring(tokenStart, tokenLength);
        var expected = value.Substring(start, length);
        if (IsRaw(token))
        {
            // Raw strings have no escapes: each value character is one source character, the indentation skipped.
            if (length == 1)
            {
                Assert.Equal(expected, piece);
            }

            return;
        }

        var decoded = Decode(token, piece);
        if (decoded != expected)
        {
            // Only a range splitting the surrogate pair that one \U escape produced may decode to more: the whole pair.
            var end = start + length;
            if (UEscape.IsMatch(piece) && char.IsLowSurrogate(value[start]))
            {
                start--;
            }

            if (UEscapeAtEnd.IsMatch(piece) && char.IsHighSurrogate(value[end - 1]) && end < value.Length)
            {
                end++;
            }

            expected = value[start..end];
        }

        Assert.Equal(expected, decoded);
    }

    // The value as a regular, a verbatim, a multi-line raw (with \n and with \r\n layout) and, where the value
    // allows, a single-line raw literal.
    private static string[] Render(string value)
    {
        var literals = new[]
        {
            SymbolDisplay.FormatLiteral(value, quote: true),
            "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            RenderMultiLineRaw(value, "\n", "    "),
            RenderMultiLineRaw(value, "\r\n", "\t "),
        };

        var singleLine = value.Length > 0 && value[0] != '"' && value[^1] != '"' && !value.Any(SyntaxFacts.IsNewLine);
        if (!singleLine)
        {
            return literals;
        }

        var quotes = new string('"', Math.Max(3, LongestQuoteRun(value) + 1));
        return [.. literals, quotes + value + quotes];
    }

    private static string RenderMultiLineRaw(string value, string newLine, string indentation)
    {
        var quotes = new string('"', Math.Max(3, LongestQuoteRun(value) + 1));
        var builder = new StringBuilder(quotes).Append(newLine).Append(indentation);
        for (var i = 0; i < value.Length; i++)
        {
            builder.Append(value[i]);
            if (SyntaxFacts.IsNewLine(value[i]) && !(value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n'))
            {
                builder.Append(indentation);
            }
        }

        return builder.Append(newLine).Append(indentation).Append(quotes).ToString();
    }

    private static int LongestQuoteRun(string value)
    {
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = c == '"' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
