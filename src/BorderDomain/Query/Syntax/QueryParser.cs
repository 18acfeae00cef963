using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// Turns query text into a <see cref="QuerySyntax"/> or diagnostics. Before the grammar runs, one linear scan over
/// <see cref="QueryLexer"/>'s tokens with explicit counters enforces the limits (length, nesting depth, list size)
/// and finds unterminated strings and bad escapes, so hostile input is refused before any recursion. Never throws for
/// bad text.
/// </summary>
internal static class QueryParser
{
    /// <summary>Parses <paramref name="text"/>; on failure the result has no query and at least one diagnostic.</summary>
    public static ParseResult Parse(string text, BdqOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= BdqOptions.Default;
        if (Prescan(text, options) is { } refused)
        {
            return new ParseResult(null, [refused]);
        }

        var result = QueryGrammar.Query(QueryInput.Start(text));
        if (result.WasSuccessful)
        {
            return new ParseResult(result.Value, []);
        }

        return new ParseResult(null, [SyntaxError(text, result)]);
    }

    private static BdqDiagnostic SyntaxError(string text, IResult<QuerySyntax> failure)
    {
        var position = Math.Clamp(failure.Remainder.Position, 0, text.Length);
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        var (found, length) = TokenAt(text, position);
        var expected = failure.Expectations.Where(e => !string.IsNullOrEmpty(e)).ToList();
        if (expected.Contains("end of query"))
        {
            // The grammar stopped at a clause boundary; say what else could have continued the condition.
            expected.Remove("end of query");
            expected.AddRange(ConditionContinuations(text, position));
            expected.AddRange(RemainingClauses(text, position));
            expected.Add("end of query");
        }

        if (expected.Count == 0)
        {
            expected.Add(position == 0 ? "entity set" : "end of query");
        }

        var distinct = expected.Distinct(StringComparer.Ordinal).ToArray();
        var message = BdqDiagnostics.Unexpected(found, distinct);
        if (ComparedWithNull(text, position, length) is { } op)
        {
            message += " " + BdqDiagnostics.NullComparisonHint(op);
        }

        return new BdqDiagnostic
        {
            Code = BdqDiagnostics.SyntaxError,
            Message = message,
            Span = TextSpan.At(text, position, length),
            Expected = distinct,
        };
    }

    /// <summary>
    /// Inside a <c>where</c> clause, what may follow the tokens before <paramref name="position"/>: an operator after
    /// a bare field (<c>where parites hs PER</c>), and <c>and</c>/<c>or</c> after any complete condition.
    /// </summary>
    private static IEnumerable<string> ConditionContinuations(string text, int position)
    {
        var tokens = Tokens(text[..position]).ToList();
        var where = tokens.FindLastIndex(t => t.Equals("where", StringComparison.OrdinalIgnoreCase));
        if (where < 0 || tokens.Skip(where + 1).Any(t => QueryGrammar.ClauseKeywords.Contains(t.ToLowerInvariant())))
        {
            yield break;
        }

        var last = tokens.Count - 1;
        var bareField = last > where && IsName(tokens[last])
            && (tokens[last - 1] is "(" || tokens[last - 1].ToLowerInvariant() is "where" or "and" or "or" or "not");
        if (bareField)
        {
            foreach (var op in Operators)
            {
                yield return op;
            }
        }

        yield return "and";
        yield return "or";
    }

    /// <summary>The clauses that may still come: those after the last clause keyword before <paramref name="position"/>.</summary>
    private static IEnumerable<string> RemainingClauses(string text, int position)
    {
        var firstWords = QueryGrammar.ClauseKeywords.Select(k => k.Split(' ')[0]).ToList();
        var last = -1;
        foreach (var token in Tokens(text[..position]))
        {
            last = Math.Max(last, firstWords.FindIndex(w => w.Equals(token, StringComparison.OrdinalIgnoreCase)));
        }

        return QueryGrammar.ClauseKeywords.Skip(last + 1);
    }

    private static readonly string[] Operators = [.. OperatorTable.Leads];

    private static bool IsName(string token) =>
        (char.IsLetter(token[0]) || token[0] == '_') && !QueryGrammar.Reserved.Contains(token);

    // The words, strings and symbols a reader sees, skipping whitespace and comments.
    private static IEnumerable<string> Tokens(string text) => QueryLexer.Words(text);

    // The token a syntax error names: the compound word there, or one character.
    private static (string Found, int Length) TokenAt(string text, int position)
    {
        if (position >= text.Length)
        {
            return ("end of query", 0);
        }

        var next = QueryLexer.Next(text, position);
        var end = next.Kind == QueryTokenKind.Word ? QueryLexer.CompoundEnd(text, next) : position + 1;
        var token = text.Substring(position, end - position);
        if (token.Length == 1 && (char.IsControl(token[0]) || char.IsWhiteSpace(token[0]) || char.GetUnicodeCategory(token[0]) == System.Globalization.UnicodeCategory.Format))
        {
            // An invisible character is named, not quoted: "Unexpected character U+0000".
            return ($"character U+{(int)token[0]:X4}", 1);
        }

        return ($"'{(token.Length > 40 ? token.Substring(0, 40) + "…" : token)}'", end - position);
    }

    // "place = null": the comparison operator before a 'null' the grammar refused, for a hint to write 'is null'.
    private static string? ComparedWithNull(string text, int position, int length)
    {
        if (length != 4 || string.Compare(text, position, "null", 0, 4, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        var end = position;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && text[start - 1] is '=' or '!' or '<' or '>')
        {
            start--;
        }

        return start < end ? text[start..end] : null;
    }

    // One pass, explicit counters: no recursion whatever the input.
    private static BdqDiagnostic? Prescan(string text, BdqOptions options)
    {
        if (text.Length > options.MaxQueryLength)
        {
            return new BdqDiagnostic
            {
                Code = BdqDiagnostics.QueryTooLong,
                Message = BdqDiagnostics.QueryTooLongMessage(text.Length, options.MaxQueryLength),
                Span = TextSpan.At(text, options.MaxQueryLength, text.Length - options.MaxQueryLength),
            };
        }

        // Depth is what the grammar's recursion will reach: one level per open parenthesis, plus each run of
        // consecutive 'not's (a run ends at any other token; one open before a parenthesis stays counted inside it).
        var scopes = new Stack<Scope>();
        var prefixNots = 0; // 'not' runs that opened the enclosing parentheses
        var run = 0; // the current run of consecutive 'not's
        var sawContent = false;
        for (var i = 0; i < text.Length;)
        {
            var token = QueryLexer.Next(text, i);
            i = token.End;
            if (!token.IsContent)
            {
                continue;
            }

            sawContent = true;
            if (token.Kind == QueryTokenKind.String)
            {
                run = 0;
                if (InvalidEscape(text, token) is { } invalid)
                {
                    return invalid;
                }

                if (!token.IsTerminated)
                {
                    return new BdqDiagnostic
                    {
                        Code = BdqDiagnostics.UnterminatedString,
                        Message = BdqDiagnostics.UnterminatedStringMessage(),
                        Span = TextSpan.At(text, token.Start, token.Length),
                    };
                }

                continue;
            }

            if (token.IsWord(text, "not"))
            {
                run++;
                if (scopes.Count + prefixNots + run > options.MaxNestingDepth)
                {
                    return TooDeep(text, token.Start, token.Length, options);
                }

                continue;
            }

            switch (token.Kind == QueryTokenKind.Symbol ? text[token.Start] : '\0')
            {
                case '(':
                    scopes.Push(new Scope(token.Start, 1, run));
                    prefixNots += run;
                    run = 0;
                    if (scopes.Count + prefixNots > options.MaxNestingDepth)
                    {
                        return TooDeep(text, token.Start, 1, options);
                    }

                    break;
                case ')':
                    if (scopes.Count > 0)
                    {
                        prefixNots -= scopes.Pop().Nots;
                    }

                    run = 0;
                    break;
                case ',':
                    run = 0;
                    if (scopes.Count > 0)
                    {
                        var scope = scopes.Pop();
                        scope = scope with { Items = scope.Items + 1 };
                        scopes.Push(scope);
                        if (scope.Items > options.MaxListItems)
                        {
                            return new BdqDiagnostic
                            {
                                Code = BdqDiagnostics.ListTooLong,
                                Message = BdqDiagnostics.ListTooLongMessage(options.MaxListItems),
                                Span = TextSpan.At(text, scope.Open, token.Start - scope.Open + 1),
                            };
                        }
                    }

                    break;
                default:
                    run = 0;
                    break;
            }
        }

        return sawContent ? null : new BdqDiagnostic
        {
            Code = BdqDiagnostics.EmptyQuery,
            Message = BdqDiagnostics.EmptyQueryMessage(),
            Span = TextSpan.At(text, text.Length, 0),
        };
    }

    // The first backslash in a string that is not \" \\ \n \t or \u and four hex digits.
    private static BdqDiagnostic? InvalidEscape(string text, QueryToken literal)
    {
        for (var i = literal.Start + 1; i < literal.End; i++)
        {
            if (text[i] == '\\')
            {
                if (InvalidEscape(text, i) is { } invalid)
                {
                    return invalid;
                }

                i++;
            }
        }

        return null;
    }

    // A backslash inside a string: \" \\ \n \t or \u and four hex digits; anything else is refused here.
    private static BdqDiagnostic? InvalidEscape(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return null; // the unterminated string is reported instead
        }

        var next = text[i + 1];
        if (next is '"' or '\\' or 'n' or 't')
        {
            return null;
        }

        var length = 2;
        if (next == 'u')
        {
            while (length < 6 && i + length < text.Length && Uri.IsHexDigit(text[i + length]))
            {
                length++;
            }

            if (length == 6)
            {
                return null;
            }
        }

        return new BdqDiagnostic
        {
            Code = BdqDiagnostics.InvalidEscape,
            Message = BdqDiagnostics.InvalidEscapeMessage(text.Substring(i, length)),
            Span = TextSpan.At(text, i, length),
        };
    }

    private static BdqDiagnostic TooDeep(string text, int position, int length, BdqOptions options) => new()
    {
        Code = BdqDiagnostics.NestingTooDeep,
        Message = BdqDiagnostics.NestingTooDeepMessage(options.MaxNestingDepth),
        Span = TextSpan.At(text, position, length),
    };

    private readonly record struct Scope(int Open, int Items, int Nots);
}

/// <summary>The outcome of <see cref="QueryParser.Parse"/>: a query, or diagnostics.</summary>
/// <param name="Query">The parsed query, or <see langword="null"/> when the text has errors.</param>
/// <param name="Diagnostics">The errors; empty on success.</param>
internal sealed record ParseResult(QuerySyntax? Query, IReadOnlyList<BdqDiagnostic> Diagnostics)
{
    /// <summary>Whether the text parsed.</summary>
    public bool Success => Query is not null;
}
