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

        var result = QueryGrammar.Query.TryParse(text);
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
            expected.Remove("end of query");
            expected.AddRange(QueryGrammar.ClauseKeywords);
            expected.Add("end of query");
        }

        if (expected.Count == 0)
        {
            expected.Add(position == 0 ? "entity set" : "end of query");
        }

        var distinct = expected.Distinct(StringComparer.Ordinal).ToArray();
        return new BdqDiagnostic
        {
            Code = BdqDiagnostics.SyntaxError,
            Message = BdqDiagnostics.Unexpected(found, distinct),
            Span = TextSpan.At(text, position, length),
            Expected = distinct,
        };
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
        return ($"'{(token.Length > 40 ? token[..40] + "…" : token)}'", end - position);
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

        var scopes = new Stack<Scope>();
        var nots = 0; // 'not' keywords in the open scopes
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
                    var start = i;
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\')
                        {
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
                    scopes.Push(new Scope(i, 1, 0));
                    if (scopes.Count + nots > options.MaxNestingDepth)
                    {
                        return TooDeep(text, i, options);
                    }

                    break;
                case ')':
                    if (scopes.Count > 0)
                    {
                        nots -= scopes.Pop().Nots;
                    }

                    break;
                case ',':
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
                        nots++;
                        if (scopes.Count > 0)
                        {
                            var scope = scopes.Pop();
                            scopes.Push(scope with { Nots = scope.Nots + 1 });
                        }

                        if (scopes.Count + nots > options.MaxNestingDepth)
                        {
                            return TooDeep(text, i, options);
                        }
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

    private static BdqDiagnostic TooDeep(string text, int position, BdqOptions options) => new()
    {
        Code = BdqDiagnostics.NestingTooDeep,
        Message = BdqDiagnostics.NestingTooDeepMessage(options.MaxNestingDepth),
        Span = TextSpan.At(text, position, 1),
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
