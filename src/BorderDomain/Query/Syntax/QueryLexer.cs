using System.Collections.Generic;

namespace BorderDomain.Query.Syntax;

/// <summary>What a <see cref="QueryToken"/> is.</summary>
internal enum QueryTokenKind
{
    /// <summary>A run of whitespace.</summary>
    Space,

    /// <summary><c>--</c> and the rest of its line (the line feed is not part of it).</summary>
    Comment,

    /// <summary>
    /// Letters, digits and <c>_</c> as the grammar reads a word (<c>accords</c>, <c>2013</c>, <c>not</c>), or a
    /// parameter: <c>@</c> and the word after it (<c>@nation</c>; a bare <c>@</c> alone).
    /// </summary>
    Word,

    /// <summary>A quoted string, escapes included: <c>"a \" b"</c>; unterminated when the text ends first.</summary>
    String,

    /// <summary>Any other single character: <c>( ) , . - = &lt;</c> …, or one that is not valid at all.</summary>
    Symbol,
}

/// <summary>One token of BDQ text: its kind and where it is. Reading it allocates nothing.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Its first character.</param>
/// <param name="Length">How many characters it covers.</param>
/// <param name="IsTerminated">For a <see cref="QueryTokenKind.String"/>, whether its closing quote is there; true otherwise.</param>
internal readonly record struct QueryToken(QueryTokenKind Kind, int Start, int Length, bool IsTerminated = true)
{
    /// <summary>The index after the token's last character.</summary>
    public int End => Start + Length;

    /// <summary>Whether the token is neither whitespace nor a comment.</summary>
    public bool IsContent => Kind is not (QueryTokenKind.Space or QueryTokenKind.Comment);

    /// <summary>Whether the token is the word <paramref name="word"/>, ignoring case (keywords are case-insensitive).</summary>
    public bool IsWord(string text, string word) =>
        Kind == QueryTokenKind.Word && Length == word.Length && string.Compare(text, Start, word, 0, word.Length, System.StringComparison.OrdinalIgnoreCase) == 0;
}

/// <summary>
/// The one tokenizer of BDQ text outside the grammar: the parser's limit scan (<see cref="QueryParser"/>), the words
/// its syntax errors name and look back at, and the query cache's key (<see cref="Bdq"/>) all read text through it, so
/// a comment, a string or a word ends in the same place for each. It agrees with the grammar on those boundaries
/// (a comment may start anywhere outside a string, <c>a--b</c> is <c>a</c> and a comment), never throws and allocates
/// nothing; it depends on nothing newer than netstandard2.0 (the generator links it).
/// </summary>
internal static class QueryLexer
{
    /// <summary>Whether <paramref name="c"/> continues a word: a letter, a digit or <c>_</c>.</summary>
    public static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The token that starts at <paramref name="start"/> (which must be inside <paramref name="text"/>).</summary>
    public static QueryToken Next(string text, int start)
    {
        var c = text[start];
        var i = start + 1;
        if (c == '-' && i < text.Length && text[i] == '-')
        {
            while (i < text.Length && text[i] != '\n')
            {
                i++;
            }

            return new QueryToken(QueryTokenKind.Comment, start, i - start);
        }

        if (char.IsWhiteSpace(c))
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return new QueryToken(QueryTokenKind.Space, start, i - start);
        }

        if (IsWordPart(c) || c == '@')
        {
            while (i < text.Length && IsWordPart(text[i]))
            {
                i++;
            }

            return new QueryToken(QueryTokenKind.Word, start, i - start);
        }

        if (c == '"')
        {
            // A backslash takes the next character with it, whatever it is (escapes are checked by the parser).
            while (i < text.Length && text[i] != '"')
            {
                i += text[i] == '\\' ? 2 : 1;
            }

            return i < text.Length
                ? new QueryToken(QueryTokenKind.String, start, i + 1 - start)
                : new QueryToken(QueryTokenKind.String, start, text.Length - start, IsTerminated: false);
        }

        return new QueryToken(QueryTokenKind.Symbol, start, 1);
    }

    /// <summary>Every token of <paramref name="text"/> in order, whitespace and comments included.</summary>
    public static IEnumerable<QueryToken> Tokens(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var token = Next(text, i);
            yield return token;
            i = token.End;
        }
    }

    /// <summary>
    /// The end of the compound word that starts with <paramref name="word"/>: words (not parameters) joined by
    /// <c>.</c> and <c>-</c> with nothing between them, as a reader sees one: <c>nation.region</c>, <c>2013-11-14</c>,
    /// <c>pe-ec-2025-pledge</c>. A <c>--</c> ends it (a comment starts there).
    /// </summary>
    public static int CompoundEnd(string text, QueryToken word)
    {
        var end = word.End;
        while (end < text.Length)
        {
            var next = Next(text, end);
            var joins = next.Kind == QueryTokenKind.Symbol ? text[end] is '.' or '-' : next.Kind == QueryTokenKind.Word && text[end] != '@';
            if (!joins)
            {
                return end;
            }

            end = next.End;
        }

        return end;
    }

    /// <summary>
    /// The content of <paramref name="text"/> as the reader sees it: compound words (<see cref="CompoundEnd"/>), whole
    /// strings and single symbols; whitespace and comments left out.
    /// </summary>
    public static IEnumerable<string> Words(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var token = Next(text, i);
            var end = token.Kind == QueryTokenKind.Word ? CompoundEnd(text, token) : token.End;
            if (token.IsContent)
            {
                yield return text.Substring(i, end - i);
            }

            i = end;
        }
    }
}
