using System;
using System.Collections.Concurrent;
using System.Text;
using Sprache;

namespace BorderDomain.Query.Syntax;

// The grammar's lexical primitives, written against Sprache's IInput: each reads the characters where it stands,
// allocates only the value it returns (a word's text, a string's contents) and the result, and fails with a shared
// message and a shared list of expectations. Sprache's own Char, String, Many and Text allocate a message, a list or
// a string on every try, and the grammar tries each keyword, symbol and literal again at the same place, which cost
// kilobytes per character of query. They fail where Sprache's would, with the same expectations (the diagnostics are
// built from the position and the expectations; the messages are never shown).
internal static partial class QueryGrammar
{
    private const string NoTrivia = "expected whitespace or a comment";
    private const string NoWord = "expected a word";
    private const string ReservedWord = "a reserved word";
    private const string NoToken = "unexpected character";

    /// <summary>The input after the whitespace and <c>--</c> comments at <paramref name="input"/> (itself when there are none).</summary>
    private static IInput SkipTrivia(IInput input)
    {
        var source = input.Source;
        var at = input.Position;
        while (at < source.Length)
        {
            if (char.IsWhiteSpace(source[at]))
            {
                at++;
            }
            else if (source[at] == '-' && at + 1 < source.Length && source[at + 1] == '-')
            {
                at += 2;
                while (at < source.Length && source[at] != '\n')
                {
                    at++;
                }
            }
            else
            {
                break;
            }
        }

        return Skip(input, at - input.Position);
    }

    /// <summary>The input <paramref name="count"/> characters on (<see cref="QueryInput"/> jumps there, keeping one object per position reached).</summary>
    private static IInput Skip(IInput input, int count)
    {
        if (input is QueryInput query)
        {
            return query.Skip(count);
        }

        for (var i = 0; i < count; i++)
        {
            input = input.Advance();
        }

        return input;
    }

    /// <summary>The length of the word at <paramref name="input"/>: a letter or <c>_</c>, then letters, digits and <c>_</c>; 0 for none.</summary>
    private static int WordLength(IInput input)
    {
        var source = input.Source;
        var start = input.Position;
        if (start >= source.Length || !(char.IsLetter(source[start]) || source[start] == '_'))
        {
            return 0;
        }

        var at = start + 1;
        while (at < source.Length && (char.IsLetterOrDigit(source[at]) || source[at] == '_'))
        {
            at++;
        }

        return at - start;
    }

    // Word.Where(one of 'words', any case), the word compared where it stands rather than copied first: a missing word
    // fails as Word does, another word where it started, expecting nothing. The text as written is the value.
    private static Parser<string> WordIn(params string[] words) => input =>
    {
        var length = WordLength(input);
        if (length == 0)
        {
            return Result.Failure<string>(input, NoWord, TokenCache.Word);
        }

        foreach (var word in words)
        {
            if (word.Length == length && string.Compare(input.Source, input.Position, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var text = string.CompareOrdinal(input.Source, input.Position, word, 0, length) == 0 ? word : input.Source.Substring(input.Position, length);
                return Result.Success(text, Skip(input, length));
            }
        }

        return Result.Failure<string>(input, NoToken, []);
    };

    private static Parser<string> WordIs(string word) => WordIn(word);

    // Whether the keyword stands at 'start' (as TokenCache.Keyword reads it after the trivia).
    private static bool KeywordAt(IInput start, string keyword) =>
        WordLength(start) == keyword.Length && string.Compare(start.Source, start.Position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0;

    // Whether the symbol's characters stand at 'start' (as TokenCache.Symbol reads them after the trivia).
    private static bool SymbolAt(IInput start, string symbol) =>
        start.Position + symbol.Length <= start.Source.Length && string.CompareOrdinal(start.Source, start.Position, symbol, 0, symbol.Length) == 0;

    /// <summary>One character, as <c>Parse.Char</c>: expected by itself when missing.</summary>
    private static Parser<char> Character(char expected)
    {
        var expectations = new[] { expected.ToString() };
        return input => !input.AtEnd && input.Current == expected
            ? Result.Success(expected, input.Advance())
            : Result.Failure<char>(input, NoToken, expectations);
    }

    // A quoted string's contents with its escapes read: \" \\ \n \t and \uXXXX; after a backslash any other character
    // stands for itself, and a 'u' without four hex digits too (the prescan in QueryParser refuses both before this
    // runs). Fails at the start without an opening quote, and where the closing quote is missing, expecting it.
    // The result is the string node itself (its span set: what Node would give it), so a string costs one result.
    private static IResult<StringLiteralSyntax> QuotedText(IInput input)
    {
        var source = input.Source;
        var start = input.Position;
        if (start >= source.Length || source[start] != '"')
        {
            return Result.Failure<StringLiteralSyntax>(input, NoToken, TokenCache.Quote);
        }

        var at = start + 1;
        StringBuilder? text = null;
        var run = at; // the start of the characters not yet copied
        while (at < source.Length && source[at] != '"')
        {
            if (source[at] != '\\')
            {
                at++;
                continue;
            }

            if (at + 1 >= source.Length)
            {
                break; // a backslash at the end: the closing quote is missing here
            }

            text ??= new StringBuilder();
            text.Append(source, run, at - run);
            var escaped = source[at + 1];
            if (escaped == 'u' && at + 6 <= source.Length && IsHex(source, at + 2, 4))
            {
                text.Append((char)System.Convert.ToInt32(source.Substring(at + 2, 4), 16));
                at += 6;
            }
            else
            {
                text.Append(escaped switch { 'n' => '\n', 't' => '\t', _ => escaped });
                at += 2;
            }

            run = at;
        }

        if (at >= source.Length || source[at] != '"')
        {
            return Result.Failure<StringLiteralSyntax>(Skip(input, at - start), NoToken, TokenCache.Quote);
        }

        var contents = text is null ? source.Substring(run, at - run) : text.Append(source, run, at - run).ToString();
        return Result.Success(new StringLiteralSyntax(contents) { Span = SpanOf(input, at + 1 - start) }, Skip(input, at + 1 - start));
    }

    /// <summary>The span of the <paramref name="length"/> characters at <paramref name="input"/>, as <c>Node</c> gives a token read there.</summary>
    private static TextSpan SpanOf(IInput input, int length) => new(input.Position, length, input.Line, input.Column);

    // Word.Where(not reserved).Select(make), Node and Named(expected) in one: the node with its span, or a failure where
    // the input stands expecting 'expected' (Word's message when no word is there, ReservedWord's for a reserved one).
    private static Parser<T> UnreservedNode<T>(Func<string, T> make, string expected)
        where T : SyntaxNode
    {
        var expectations = new[] { expected };
        return input =>
        {
            var length = WordLength(input);
            if (length > 0)
            {
                var word = input.Source.Substring(input.Position, length);
                if (!Reserved.Contains(word))
                {
                    var node = make(word);
                    node.SetSpan(SpanOf(input, length));
                    return Result.Success(node, Skip(input, length));
                }
            }

            return Result.Failure<T>(input, length == 0 ? NoWord : ReservedWord, expectations);
        };
    }

    private static bool IsHex(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!(text[i] is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The keyword and symbol parsers, one per text, made on first use, and the shared expectation lists (a nested
    /// class, so they are there whatever order the parts of the grammar's fields are initialised in).
    /// </summary>
    private static class TokenCache
    {
        public static readonly string[] Quote = ["\""];

        public static readonly string[] Word = ["letter", "_"];

        private static readonly ConcurrentDictionary<string, Parser<string>> Keywords = new();
        private static readonly ConcurrentDictionary<string, Parser<string>> Symbols = new();

        /// <summary>The symbol <c>)</c>, for rules that ask for it after their first token on every try.</summary>
        public static readonly Parser<string> CloseParenthesis = Symbol(")");

        /// <summary>
        /// The word <paramref name="keyword"/> in any case, after trivia; its text as written. Fails where the trivia
        /// starts, expecting the keyword, whatever was read.
        /// </summary>
        public static Parser<string> Keyword(string keyword) => Keywords.GetOrAdd(keyword, static keyword =>
        {
            var expectations = new[] { keyword };
            return input =>
            {
                var start = SkipTrivia(input);
                var length = WordLength(start);
                return length == keyword.Length && string.Compare(start.Source, start.Position, keyword, 0, length, StringComparison.OrdinalIgnoreCase) == 0
                    ? Result.Success(string.CompareOrdinal(start.Source, start.Position, keyword, 0, length) == 0 ? keyword : start.Source.Substring(start.Position, length), Skip(start, length))
                    : Result.Failure<string>(input, NoToken, expectations);
            };
        });

        /// <summary>The characters of <paramref name="symbol"/> after trivia. Fails where the trivia starts, expecting the symbol.</summary>
        public static Parser<string> Symbol(string symbol) => Symbols.GetOrAdd(symbol, static symbol =>
        {
            var expectations = new[] { symbol };
            return input =>
            {
                var start = SkipTrivia(input);
                return SymbolAt(start, symbol)
                    ? Result.Success(symbol, Skip(start, symbol.Length))
                    : Result.Failure<string>(input, NoToken, expectations);
            };
        });
    }
}
