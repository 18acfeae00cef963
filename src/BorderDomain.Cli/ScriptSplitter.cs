using System;
using System.Collections.Generic;
using BorderDomain.Query.Syntax;

namespace BorderDomain.Cli;

/// <summary>One statement of a script: its text and the line it starts on (1-based).</summary>
/// <param name="Text">The statement, without its <c>;</c>.</param>
/// <param name="Line">The line of its first character.</param>
internal readonly record struct ScriptStatement(string Text, int Line);

/// <summary>
/// Splits a script into statements with BDQ's one lexer (<see cref="QueryLexer"/>), so a <c>;</c> inside a string
/// literal or a comment ends nothing. Statements end at <c>;</c>; a line that starts with a meta-command
/// (<c>.fields accords</c>, <c>help</c>, <c>quit</c>) is a statement of its own. A script with no <c>;</c> at all is
/// read one statement a line, as <c>borderq</c> has always read piped queries.
/// </summary>
internal static class ScriptSplitter
{
    /// <summary>The statements of <paramref name="script"/>, in order, blank ones left out.</summary>
    public static IReadOnlyList<ScriptStatement> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<ScriptStatement>();
        var semicolons = HasTerminator(script);
        var start = 0;
        var position = 0;
        var atLineStart = true;
        while (position < script.Length)
        {
            if (atLineStart && (!semicolons || IsBlank(script, start, position)) && CommandLineEnd(script, position) is { } commandEnd)
            {
                Add(statements, script, start, commandEnd);
                position = start = commandEnd;
                continue;
            }

            var token = QueryLexer.Next(script, position);
            position = token.End;
            atLineStart = token.Kind == QueryTokenKind.Space && script.AsSpan(token.Start, token.Length).Contains('\n');
            if (token.Kind == QueryTokenKind.Symbol && script[token.Start] == ';')
            {
                Add(statements, script, start, token.Start);
                start = token.End;
                atLineStart = true;
            }
            else if (!semicolons && atLineStart)
            {
                // No ';' anywhere: each line is a statement. A space token may hold several line breaks.
                var lastBreak = script.LastIndexOf('\n', token.End - 1, token.Length);
                Add(statements, script, start, lastBreak);
                start = lastBreak + 1;
            }
        }

        Add(statements, script, start, script.Length);
        return statements;
    }

    /// <summary>Whether <paramref name="text"/> holds a <c>;</c> outside strings and comments.</summary>
    public static bool HasTerminator(string text)
    {
        foreach (var token in QueryLexer.Tokens(text))
        {
            if (token.Kind == QueryTokenKind.Symbol && text[token.Start] == ';')
            {
                return true;
            }
        }

        return false;
    }

    // If the line at position is a meta-command, where it ends (its line break, or the text's end).
    private static int? CommandLineEnd(string script, int position)
    {
        var lineEnd = script.IndexOf('\n', position);
        lineEnd = lineEnd < 0 ? script.Length : lineEnd;
        var line = script[position..lineEnd];
        return Session.IsCommand(line) || IsExplainAlone(line) ? lineEnd : null;
    }

    // "explain" with nothing after it is a statement of its own (and says it needs a query).
    private static bool IsExplainAlone(string line) => Session.Trim(line).Equals("explain", StringComparison.OrdinalIgnoreCase);

    private static bool IsBlank(string script, int start, int end) => script.AsSpan(start, end - start).Trim().IsEmpty;

    private static void Add(List<ScriptStatement> statements, string script, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var text = script[start..end];
        var trimmed = text.TrimStart();
        if (Session.Trim(trimmed).Length == 0 || IsOnlyComments(trimmed))
        {
            return;
        }

        var first = start + (text.Length - trimmed.Length);
        var line = 1;
        for (var i = 0; i < first; i++)
        {
            if (script[i] == '\n')
            {
                line++;
            }
        }

        statements.Add(new ScriptStatement(Session.Trim(trimmed), line));
    }

    private static bool IsOnlyComments(string text)
    {
        foreach (var token in QueryLexer.Tokens(text))
        {
            if (token.IsContent)
            {
                return false;
            }
        }

        return true;
    }
}
