using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// Prints a <see cref="QuerySyntax"/> as canonical BDQ text: lower-case keywords, single spaces, full
/// parentheses around nested <c>and</c>/<c>or</c>/<c>not</c>. <c>Parse(Print(q))</c> equals <c>q</c>. (The query
/// cache is keyed by the text as written, normalised by <see cref="QueryLexer"/>'s tokens, not by this printer: a
/// key must be made without parsing.)
/// </summary>
internal static class QueryPrinter
{
    /// <summary>The canonical text of <paramref name="query"/>.</summary>
    public static string Print(QuerySyntax query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = new StringBuilder(query.Set.Name);
        if (query.Where is { } where)
        {
            text.Append(" where ").Append(Print(where));
        }

        if (query.GroupBy is { Keys.Count: 0 } whole)
        {
            text.Append(' ').AppendJoin(", ", whole.Aggregates.Select(Print));
        }
        else if (query.GroupBy is { } group)
        {
            text.Append(" group by ").AppendJoin(", ", group.Keys.Select(Print));
            if (group.Aggregates.Count > 0)
            {
                text.Append(' ').AppendJoin(", ", group.Aggregates.Select(Print));
            }
        }

        if (query.OrderBy.Count > 0)
        {
            text.Append(" order by ").AppendJoin(", ", query.OrderBy.Select(o => (o.Aggregate is { } aggregate ? Print(aggregate) : Print(o.Path)) + (o.Descending ? " desc" : string.Empty)));
        }

        if (query.Skip is { } skip)
        {
            text.Append(" skip ").Append(Print(skip));
        }

        if (query.Take is { } take)
        {
            text.Append(" take ").Append(Print(take));
        }

        if (query.Select.Count > 0)
        {
            text.Append(query.Distinct ? " select distinct " : " select ").AppendJoin(", ", query.Select.Select(Print));
        }

        if (query.Count)
        {
            text.Append(" count");
        }

        return text.ToString();
    }

    /// <summary>The canonical text of a condition.</summary>
    public static string Print(ExpressionSyntax expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = new StringBuilder();
        Append(text, expression);
        return text.ToString();
    }

    // The parser folds "a and b and c …" to the left, so the left spine of a condition can be as long as the query.
    // It is printed in a loop (linear time, no recursion along it): a spine n1(n2(…nk(t0, rk)…, r2), r1) prints as
    // "(" × (k-1), t0 op_k rk, then ") op_i ri" for i = k-1 … 1. Only right operands and 'not' recurse, and their
    // depth is bounded by the nesting limit.
    private static void Append(StringBuilder text, ExpressionSyntax expression)
    {
        var spine = new List<ExpressionSyntax>();
        var node = expression;
        while (node is AndSyntax or OrSyntax)
        {
            spine.Add(node);
            node = node is AndSyntax and ? and.Left : ((OrSyntax)node).Left;
        }

        if (spine.Count == 0)
        {
            switch (node)
            {
                case NotSyntax not:
                    text.Append("not ");
                    AppendOperand(text, not.Operand);
                    return;
                case PredicateSyntax predicate:
                    text.Append(Print(predicate));
                    return;
                default:
                    throw new ArgumentException($"Unknown expression node {node.GetType().Name}.", nameof(expression));
            }
        }

        text.Append('(', spine.Count - 1);
        AppendOperand(text, node);
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            if (i < spine.Count - 1)
            {
                text.Append(')');
            }

            var (keyword, right) = spine[i] is AndSyntax and ? (" and ", and.Right) : (" or ", ((OrSyntax)spine[i]).Right);
            text.Append(keyword);
            AppendOperand(text, right);
        }
    }

    private static void AppendOperand(StringBuilder text, ExpressionSyntax expression)
    {
        if (expression is PredicateSyntax)
        {
            Append(text, expression);
            return;
        }

        text.Append('(');
        Append(text, expression);
        text.Append(')');
    }

    /// <summary>The canonical text of a path.</summary>
    public static string Print(PathSyntax path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join(".", path.Segments.Select(segment => segment.Name));
    }

    /// <summary>The canonical text of a literal.</summary>
    public static string Print(LiteralSyntax literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal switch
        {
            StringLiteralSyntax text => Quote(text.Value),
            NumberLiteralSyntax number => number.Value.ToString(CultureInfo.InvariantCulture),
            InvalidNumberLiteralSyntax number => number.Text,
            DateLiteralSyntax date => date.Text,
            NameLiteralSyntax name => name.Name,
            ParameterSyntax parameter => "@" + parameter.Name,
            SubquerySyntax subquery => Print(subquery.Query),
            _ => throw new ArgumentException($"Unknown literal node {literal.GetType().Name}.", nameof(literal)),
        };
    }

    private static string Print(PredicateSyntax predicate) =>
        Predicate(Subject(Print(predicate.Path), predicate.Length), predicate.Operator, predicate.Operands.Select(Print).ToArray());

    /// <summary>What a predicate tests, as BDQ text: the path, or its length, <c>count(parties)</c>.</summary>
    internal static string Subject(string path, bool length) => length ? $"{OperatorTable.Length.Spelling}({path})" : path;

    /// <summary>
    /// A predicate as BDQ text from its path's and operands' texts: the one place operators are spelt for output (the
    /// printer and <c>explain</c> read it).
    /// </summary>
    internal static string Predicate(string path, PredicateOperator op, IReadOnlyList<string> operands)
    {
        var info = OperatorTable.Of(op);
        var head = info.Spelling.Length == 0 ? path : $"{path} {info.Spelling}";
        return info.Operands switch
        {
            OperandShape.None => head,
            OperandShape.One or OperandShape.SearchText => $"{head} {operands[0]}",
            OperandShape.List => $"{head} ({string.Join(", ", operands)})",
            OperandShape.Range => $"{head} {operands[0]} and {operands[1]}",
            _ => throw OperatorTable.Unhandled(info.Operands),
        };
    }

    /// <summary>A string literal as BDQ text: quoted, with backslashes and quotes escaped.</summary>
    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>An aggregate as BDQ text: <c>count</c>, <c>sum(value)</c>.</summary>
    internal static string Print(AggregateSyntax aggregate) => aggregate.Argument is null
        ? OperatorTable.Of(aggregate.Function).Spelling
        : $"{OperatorTable.Of(aggregate.Function).Spelling}({Print(aggregate.Argument)})";

}
