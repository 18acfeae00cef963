using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// Turns query text into a <see cref="QuerySyntax"/> or diagnostics. Before the grammar runs, one linear scan with
/// explicit counters enforces the limits (length, nesting depth, list size) and finds unterminated strings, so
/// hostile input is refused before any recursion. Never throws for bad text.
/// </summary>
public static class QueryParser
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

    private static readonly string[] Operators =
        ["=", "!=", "<", "<=", ">", ">=", "in", "not in", "between", "has", "contains", "startswith", "endswith", "is"];

    private static bool IsName(string token) =>
        (char.IsLetter(token[0]) || token[0] == '_') && !QueryGrammar.Reserved.Contains(token);

    // Words (with dotted paths), quoted strings and single symbols, skipping whitespace and comments.
    private static IEnumerable<string> Tokens(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '@')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '@' or '.' or '-'))
                {
                    i++;
                }

                yield return text[start..i];
            }
            else if (c == '"')
            {
                var start = i++;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
                yield return text[start..i];
            }
            else
            {
                i++;
                yield return c.ToString();
            }
        }
    }

    private static (string Found, int Length) TokenAt(string text, int position)
    {
        if (position >= text.Length)
        {
            return ("end of query", 0);
        }

        var end = position;
        if (char.IsLetterOrDigit(text[end]) || text[end] == '_' || text[end] == '@')
        {
            end++;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '-' or '.'))
            {
                end++;
            }
        }
        else
        {
            end++;
        }

        var token = text[position..end];
        if (token.Length == 1 && (char.IsControl(token[0]) || char.IsWhiteSpace(token[0]) || char.GetUnicodeCategory(token[0]) == System.Globalization.UnicodeCategory.Format))
        {
            // An invisible character is named, not quoted: "Unexpected character U+0000".
            return ($"character U+{(int)token[0]:X4}", 1);
        }

        return ($"'{(token.Length > 40 ? token[..40] + "…" : token)}'", end - position);
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
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sawContent = true;
            switch (c)
            {
                case '"':
                    run = 0;
                    var start = i;
                    for (i++; i < text.Length && text[i] != '"'; i++)
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

                    if (i >= text.Length)
                    {
                        return new BdqDiagnostic
                        {
                            Code = BdqDiagnostics.UnterminatedString,
                            Message = BdqDiagnostics.UnterminatedStringMessage(),
                            Span = TextSpan.At(text, start, text.Length - start),
                        };
                    }

                    break;
                case '(':
                    scopes.Push(new Scope(i, 1, run));
                    prefixNots += run;
                    run = 0;
                    if (scopes.Count + prefixNots > options.MaxNestingDepth)
                    {
                        return TooDeep(text, i, 1, options);
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
                                Span = TextSpan.At(text, scope.Open, i - scope.Open + 1),
                            };
                        }
                    }

                    break;
                default:
                    if (IsWordStart(text, i) && IsWord(text, i, "not"))
                    {
                        run++;
                        if (scopes.Count + prefixNots + run > options.MaxNestingDepth)
                        {
                            return TooDeep(text, i, 3, options);
                        }

                        i += 2;
                    }
                    else
                    {
                        run = 0;
                    }

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

    private static bool IsWordStart(string text, int i) => i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '_' or '@');

    private static bool IsWord(string text, int i, string word) =>
        i + word.Length <= text.Length
        && string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + word.Length == text.Length || !(char.IsLetterOrDigit(text[i + word.Length]) || text[i + word.Length] == '_'));

    private readonly record struct Scope(int Open, int Items, int Nots);
}

/// <summary>The outcome of <see cref="QueryParser.Parse"/>: a query, or diagnostics.</summary>
/// <param name="Query">The parsed query, or <see langword="null"/> when the text has errors.</param>
/// <param name="Diagnostics">The errors; empty on success.</param>
public sealed record ParseResult(QuerySyntax? Query, IReadOnlyList<BdqDiagnostic> Diagnostics)
{
    /// <summary>Whether the text parsed.</summary>
    public bool Success => Query is not null;
}
