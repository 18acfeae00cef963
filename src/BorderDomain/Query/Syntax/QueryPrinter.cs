using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace BorderDomain.Query.Syntax;

/// <summary>
/// Prints a <see cref="QuerySyntax"/> as canonical BDQ text: lower-case keywords, single spaces, full
/// parentheses around nested <c>and</c>/<c>or</c>/<c>not</c>. <c>Parse(Print(q))</c> equals <c>q</c>; the printed text
/// is also the cache key of a query.
/// </summary>
public static class QueryPrinter
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

        if (query.GroupBy is { } group)
        {
            text.Append(" group by ").AppendJoin(", ", group.Keys.Select(Print));
            if (group.Aggregates.Count > 0)
            {
                text.Append(' ').AppendJoin(", ", group.Aggregates.Select(Print));
            }
        }

        if (query.OrderBy.Count > 0)
        {
            text.Append(" order by ").AppendJoin(", ", query.OrderBy.Select(o => Print(o.Path) + (o.Descending ? " desc" : string.Empty)));
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
            text.Append(" select ").AppendJoin(", ", query.Select.Select(Print));
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
        return expression switch
        {
            AndSyntax and => $"{Operand(and.Left)} and {Operand(and.Right)}",
            OrSyntax or => $"{Operand(or.Left)} or {Operand(or.Right)}",
            NotSyntax not => $"not {Operand(not.Operand)}",
            PredicateSyntax predicate => Print(predicate),
            _ => throw new ArgumentException($"Unknown expression node {expression.GetType().Name}.", nameof(expression)),
        };
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
            StringLiteralSyntax text => "\"" + text.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            NumberLiteralSyntax number => number.Value.ToString(CultureInfo.InvariantCulture),
            DateLiteralSyntax date => date.Text,
            NameLiteralSyntax name => name.Name,
            ParameterSyntax parameter => "@" + parameter.Name,
            _ => throw new ArgumentException($"Unknown literal node {literal.GetType().Name}.", nameof(literal)),
        };
    }

    private static string Print(PredicateSyntax predicate)
    {
        var path = Print(predicate.Path);
        var operands = predicate.Operands.Select(Print).ToArray();
        return predicate.Operator switch
        {
            PredicateOperator.IsTrue => path,
            PredicateOperator.Equal => $"{path} = {operands[0]}",
            PredicateOperator.NotEqual => $"{path} != {operands[0]}",
            PredicateOperator.Less => $"{path} < {operands[0]}",
            PredicateOperator.LessOrEqual => $"{path} <= {operands[0]}",
            PredicateOperator.Greater => $"{path} > {operands[0]}",
            PredicateOperator.GreaterOrEqual => $"{path} >= {operands[0]}",
            PredicateOperator.In => $"{path} in ({string.Join(", ", operands)})",
            PredicateOperator.NotIn => $"{path} not in ({string.Join(", ", operands)})",
            PredicateOperator.Between => $"{path} between {operands[0]} and {operands[1]}",
            PredicateOperator.Has => $"{path} has {operands[0]}",
            PredicateOperator.HasAny => $"{path} has any ({string.Join(", ", operands)})",
            PredicateOperator.HasAll => $"{path} has all ({string.Join(", ", operands)})",
            PredicateOperator.Contains => $"{path} contains {operands[0]}",
            PredicateOperator.StartsWith => $"{path} startswith {operands[0]}",
            PredicateOperator.EndsWith => $"{path} endswith {operands[0]}",
            PredicateOperator.IsNull => $"{path} is null",
            PredicateOperator.IsNotNull => $"{path} is not null",
            _ => throw new ArgumentException($"Unknown operator {predicate.Operator}.", nameof(predicate)),
        };
    }

    private static string Print(AggregateSyntax aggregate) => aggregate.Argument is null
        ? aggregate.Function.ToString().ToLowerInvariant()
        : $"{aggregate.Function.ToString().ToLowerInvariant()}({Print(aggregate.Argument)})";

    private static string Operand(ExpressionSyntax expression) =>
        expression is PredicateSyntax ? Print(expression) : "(" + Print(expression) + ")";
}
