using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Query.Planning;

/// <summary>
/// Prints a <see cref="QueryPlan"/> as indented text, one step a line (<c>explain</c>): every strategy the plan
/// records, conditions in BDQ (spelt by <see cref="QueryPrinter"/>), exact sizes as <c>5 rows</c> and estimates as
/// <c>~5 rows</c>. The run time and the generator print with this one printer.
/// </summary>
internal static class PlanPrinter
{
    /// <summary>The plan as indented text, one step a line.</summary>
    public static string Print(QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        var query = plan.Query;
        text.AppendLine(plan.HasStatistics
            ? $"{query.Set.Name} ({Number(plan.RowCount)} rows)"
            : $"{query.Set.Name} (planned without statistics, at compile time: sizes are guesses)");
        foreach (var predicate in BoundExpression.Predicates(query.Filter))
        {
            if (predicate.Values is [BoundSubquery subquery])
            {
                text.AppendLine($"  first, once: {Subquery(subquery)}");
            }
        }

        var readsNoRow = plan.Counting is CountStrategy.TableSize or CountStrategy.IndexSize || plan.Grouping == GroupStrategy.PostingListLengths;
        if (plan.Accesses.Count == 0 && plan.Order != OrderStrategy.FilteredWalk && !readsNoRow)
        {
            text.AppendLine(query.Filter is null
                ? "  read every row"
                : "  scan every row: no index applies");
        }

        foreach (var access in plan.Accesses)
        {
            text.AppendLine($"  {Access(access)}: {Condition(access.Predicate)} -> {Size(access.Estimate, access.IsExact)}");
        }

        if (plan.Accesses.Count > 1)
        {
            text.AppendLine("  intersect in this order (smallest estimate first)");
        }

        if (plan.Residual is not null && plan.Order != OrderStrategy.FilteredWalk)
        {
            text.Append(plan.Accesses.Count == 0 ? "  test each row: " : "  test each row found: ").AppendLine(Condition(plan.Residual));
        }

        if (query.GroupBy is { } group)
        {
            var keys = string.Join(", ", group.Keys.Select(k => k.Field.IsCollection ? $"each element of {k.Text}" : k.Text));
            text.AppendLine(plan.Grouping == GroupStrategy.PostingListLengths
                ? $"  group by {keys}: count is each posting list's length, no row read"
                : group.Aggregates.Count == 0
                    ? $"  distinct {keys}: each combination once, in key order"
                : group.Keys.Count == 0
                    ? $"  aggregate the whole answer: {string.Join(", ", group.Aggregates.Select(a => a.Name))}"
                    : $"  group by {keys}: {string.Join(", ", group.Aggregates.Select(a => a.Name))}");
            if (group.Order.Count > 0)
            {
                text.AppendLine($"  sort groups by {string.Join(", ", group.Order.Select(o => group.Aggregates[o.Aggregate].Name + (o.Descending ? " desc" : string.Empty)))}, then by key");
            }
        }

        if (query.OrderBy.Count > 0)
        {
            var keys = string.Join(", ", query.OrderBy.Select(o => o.Path.Text + (o.Descending ? " desc" : string.Empty)));
            var wanted = Number((query.Skip ?? 0) + (long)(query.Take ?? 0));
            text.AppendLine(plan.Order switch
            {
                OrderStrategy.IndexWalk when query.Take is null => $"  order the rows found by the sorted index on {keys} (a walk, or a counting sort by key rank), keeping every match (no comparison sort)",
                OrderStrategy.IndexWalk => $"  walk sorted index on {keys} over the rows found, stopping after {wanted} matches",
                OrderStrategy.FilteredWalk when plan.Residual is { } filter => $"  walk sorted index on {keys}, testing each row: {Condition(filter)}, stopping after {wanted} matches",
                OrderStrategy.FilteredWalk => $"  walk sorted index on {keys}, stopping after {wanted} rows",
                _ => $"  sort by {keys}",
            });
        }

        if (query.Skip is { } skip)
        {
            text.AppendLine("  skip " + Number(skip));
        }

        if (query.Take is { } take)
        {
            text.AppendLine("  take " + Number(take));
        }

        if (query.Select.Count > 0)
        {
            text.Append("  select ").AppendLine(string.Join(", ", query.Select.Select(p => p.IsListHop ? $"{p.Text} (a key lookup in {p.Sets[1]} for each of {p.Fields[0].Name})" : p.Text)));
        }

        text.AppendLine(plan.Counting switch
        {
            CountStrategy.TableSize => plan.HasStatistics ? $"  count: the table's size, {Number(plan.RowCount)}, no row read" : "  count: the table's size, no row read",
            CountStrategy.IndexSize => "  count: the index access's size, no row read",
            CountStrategy.CountRows => "  count the rows",
            _ => string.Empty,
        });
        return text.ToString().TrimEnd();
    }

    /// <summary>A condition as BDQ text; a chain of <c>and</c> (or of <c>or</c>) prints as one parenthesised list.</summary>
    public static string Condition(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = new StringBuilder();
        Append(text, expression);
        return text.ToString();
    }

    private static string Access(IndexAccess access)
    {
        var field = access.Predicate.Path.Text;
        return access.Kind switch
        {
            IndexAccessKind.Key => "key lookup",
            IndexAccessKind.PostingUnion when access.Predicate.Values.Count > 1 => $"union of the posting lists of {field}",
            IndexAccessKind.PostingUnion => $"posting list of {field}",
            IndexAccessKind.PostingIntersection => $"intersection of the posting lists of {field}",
            IndexAccessKind.NullRows => $"rows without {field}",
            IndexAccessKind.DateRange when access.TestsFoundRows => $"date range of {field}, tested on each row found by its days",
            IndexAccessKind.DateRange => $"date range of {field}",
            IndexAccessKind.NumberRange => $"number range of {field}",
            IndexAccessKind.Text => $"text index of {field}",
            _ => throw new ArgumentException($"Unknown index access {access.Kind}.", nameof(access)),
        };
    }

    private static string Size(long rows, bool exact) => (exact ? string.Empty : "~") + Number(rows) + (rows == 1 ? " row" : " rows");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // A chain of 'and' (or of 'or') prints as one parenthesised list, however the binder balanced it; only a change of
    // operator or a 'not' nests, and that depth is bounded by the nesting limit.
    private static void Append(StringBuilder text, BoundExpression expression)
    {
        switch (expression)
        {
            case BoundAnd or BoundOr:
                var isAnd = expression is BoundAnd;
                var pending = new Stack<BoundExpression>();
                pending.Push(expression);
                var first = true;
                text.Append('(');
                while (pending.Count > 0)
                {
                    switch (pending.Pop())
                    {
                        case BoundAnd conjunction when isAnd:
                            pending.Push(conjunction.Right);
                            pending.Push(conjunction.Left);
                            break;
                        case BoundOr disjunction when !isAnd:
                            pending.Push(disjunction.Right);
                            pending.Push(disjunction.Left);
                            break;
                        case var term:
                            text.Append(first ? string.Empty : (isAnd ? " and " : " or "));
                            first = false;
                            Append(text, term);
                            break;
                    }
                }

                text.Append(')');
                break;
            case BoundNot not:
                text.Append("not ");
                Append(text, not.Operand);
                break;
            case BoundPredicate predicate:
                text.Append(QueryPrinter.Predicate(QueryPrinter.Subject(predicate.Path.Text, predicate.Length), predicate.Operator, predicate.Values.Select(Value).ToArray()));
                break;
        }
    }

    private static string Value(BoundValue value) => value switch
    {
        BoundConstant { Value: string text } constant when constant.Kind == FieldKind.String => QueryPrinter.Quote(text),
        BoundConstant { Value: bool flag } => flag ? "true" : "false",
        BoundConstant { Value: decimal number } => number.ToString(CultureInfo.InvariantCulture),
        BoundConstant constant => Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        BoundParameter parameter => "@" + parameter.Name,
        BoundSubquery subquery => $"the values of {subquery.Query.Set.Name}.{subquery.Selected.Text}",
        _ => "?",
    };

    // The sub-query as its plan runs it: the filter, then the values it yields.
    private static string Subquery(BoundSubquery subquery)
    {
        var inner = subquery.Query;
        var text = new StringBuilder(inner.Set.Name);
        if (inner.Filter is { } filter)
        {
            text.Append(" where ").Append(Condition(filter));
        }

        if (inner.OrderBy.Count > 0)
        {
            text.Append(" order by ").AppendJoin(", ", inner.OrderBy.Select(o => o.Path.Text + (o.Descending ? " desc" : string.Empty)));
        }

        if (inner.Skip is { } skip)
        {
            text.Append(" skip ").Append(skip.ToString(CultureInfo.InvariantCulture));
        }

        if (inner.Take is { } take)
        {
            text.Append(" take ").Append(take.ToString(CultureInfo.InvariantCulture));
        }

        var selected = subquery.Selected;
        return text.Append(selected.Field.IsCollection ? $" select each element of {selected.Text}" : $" select {selected.Text}")
            .Append(", each value once").ToString();
    }
}
