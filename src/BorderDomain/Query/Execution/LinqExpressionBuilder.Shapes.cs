using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;

namespace BorderDomain.Query;

/// <summary>Ordering (missing values last, the key last) and <c>group by</c> with its aggregates.</summary>
internal sealed partial class LinqExpressionBuilder
{
    private static readonly HashSet<Type> NaturallyOrdered = [typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float), typeof(DateOnly)];

    // rows ordered by the order by keys, then by the record's key: the order every engine gives.
    private Expression? Ordered(Expression rows, IReadOnlyList<BoundOrdering> orderings)
    {
        var row = Expression.Parameter(_rowType, "row");
        var first = true;
        foreach (var ordering in orderings)
        {
            if (Read(row, ordering.Path, (record, field) => _hooks.SortKey(record, field), ordering.Path) is not { } key)
            {
                continue;
            }

            if (!key.Type.IsValueType || System.Nullable.GetUnderlyingType(key.Type) is not null)
            {
                // Missing values last, in either direction.
                var missing = Expression.Condition(Expression.Equal(key, Expression.Constant(null, key.Type)), Expression.Constant(1), Expression.Constant(0));
                rows = OrderBy(rows, row, missing, descending: false, first);
                first = false;

                // The missing rows are already last, so a nullable number, date or enum key can compare as its plain
                // value (0 for the missing): a plain comparison, not Nullable's, and the same order.
                if (System.Nullable.GetUnderlyingType(key.Type) is { } plain)
                {
                    key = Expression.Coalesce(key, Expression.Default(plain));
                }
            }

            rows = OrderBy(rows, row, key, ordering.Descending, first);
            first = false;
        }

        if (_problems.Count > 0)
        {
            return null;
        }

        if (_query.Set.Key is { } keyField)
        {
            if (_hooks.KeyText(Level(row, 0), keyField) is not { } keyText)
            {
                Problem(_query, BdqDiagnostics.HookReason(keyField.Name));
                return null;
            }

            rows = OrderBy(rows, row, keyText, descending: false, first);
        }

        return rows;
    }

    private Expression OrderBy(Expression rows, ParameterExpression row, Expression key, bool descending, bool first)
    {
        var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : string.Empty);
        var lambda = Expression.Lambda(key, row);
        var elementType = row.Type;
        return key.Type == typeof(string) && _hooks.TextOrder is { } order
            ? Queryable(method, [elementType, typeof(string)], rows, lambda, Expression.Constant(order, typeof(IComparer<string>)))
            : Queryable(method, [elementType, key.Type], rows, lambda);
    }

    /// <summary>The groups as <c>object?[]</c> (keys, then aggregates), ordered and paged; null when <see cref="Problems"/> says why not.</summary>
    internal Expression? Grouped(Expression source, int? cap)
    {
        var group = _query.GroupBy!;
        var rows = Filtered(source);
        if (rows is null)
        {
            return null;
        }

        if (group.Keys.Count > 4)
        {
            Problem(group.Keys[4], BdqDiagnostics.TooManyGroupKeysReason(4));
            return null;
        }

        if (group.Keys.FirstOrDefault(k => k.Field.IsCollection) is { } list && Expand(rows, list) is var expanded)
        {
            if (expanded is null)
            {
                return null;
            }

            rows = expanded;
        }

        var row = Expression.Parameter(_rowType, "row");

        // Keys: text by its folded form (the group shows it), everything else as it is; a list's element as it is.
        var keyValues = new List<Expression>();
        foreach (var key in group.Keys)
        {
            var value = key.Field.IsCollection ? Level(row, _hops.Count)
                : key.Field.Kind == FieldKind.String
                ? Read(row, key, (record, field) => _hooks.FoldedText(record, field), key)
                : Read(row, key, (record, field) => _hooks.Value(record, field) is { } v ? Nullable(v) : null, key);
            if (value is not null)
            {
                keyValues.Add(value);
            }
        }

        if (_problems.Count > 0)
        {
            return null;
        }

        // min/max of text and dates keep the first of equal values in key order, as the in-memory engine does.
        if (group.Aggregates.Any(a => a.Function is AggregateFunction.Min or AggregateFunction.Max && !IsNatural(a)) && _query.Set.Key is { } keyField
            && _hooks.KeyText(Level(row, 0), keyField) is { } keyText)
        {
            rows = OrderBy(rows, row, keyText, descending: false, first: true);
        }

        var slots = keyValues.Select(v => v.Type).Concat(Enumerable.Repeat(typeof(bool), 4 - keyValues.Count)).ToArray();
        var keyType = typeof(BdqGroupKey<,,,>).MakeGenericType(slots);
        // No keys (the aggregates of the whole answer): one constant key, which EF Core translates as a grouping of all rows.
        var bound = keyValues.Count == 0 ? [Expression.Constant(true)] : keyValues;
        var init = Expression.MemberInit(Expression.New(keyType), bound.Select((v, i) => Expression.Bind(keyType.GetProperty("K" + (i + 1))!, v)));
        var groupType = typeof(IGrouping<,>).MakeGenericType(keyType, _rowType);
        var grouped = Queryable(nameof(System.Linq.Queryable.GroupBy), [_rowType, keyType], rows, Expression.Lambda(init, row));

        var g = Expression.Parameter(groupType, "g");
        var ordered = OrderGroups(grouped, g, group, keyType);
        if (ordered is null)
        {
            return null;
        }

        var values = new List<Expression>();
        for (var i = 0; i < keyValues.Count; i++)
        {
            values.Add(Expression.Convert(Expression.Property(Expression.Property(g, "Key"), "K" + (i + 1)), typeof(object)));
        }

        foreach (var aggregate in group.Aggregates)
        {
            if (Aggregate(g, aggregate) is { } value)
            {
                values.Add(Expression.Convert(value, typeof(object)));
            }
        }

        if (_problems.Count > 0)
        {
            return null;
        }

        var projected = Queryable(nameof(System.Linq.Queryable.Select), [groupType, typeof(object[])], ordered,
            Expression.Lambda(Expression.NewArrayInit(typeof(object), values), g));
        return Page(projected, typeof(object[]), cap);
    }

    // Each row once per element of the list (text by its folded form), as Grouping expands it: SelectMany into a pair
    // of the row and the element, which the builder then reads as one more join level whose record is the element.
    private Expression? Expand(Expression rows, BoundPath list)
    {
        var row = Expression.Parameter(_rowType, "row");
        var record = Level(row, 0);
        var elements = !_hooks.LateralJoins ? null : list.Field.Kind == FieldKind.String ? _hooks.FoldedElements(record, list.Field) : _hooks.Elements(record, list.Field);
        if (elements is null || TreeValues.ElementType(elements.Type) is not { } element)
        {
            Problem(list, BdqDiagnostics.CannotExpandReason(list.Text));
            return null;
        }

        var pairType = typeof(BdqJoin<,>).MakeGenericType(_rowType, element);
        var value = Expression.Parameter(element, "element");
        var expanded = Queryable(
            nameof(System.Linq.Queryable.SelectMany),
            [_rowType, element, pairType],
            rows,
            // Typed by the delegate, not by a Convert (which EF cannot translate): an array is an IEnumerable already.
            Expression.Lambda(typeof(Func<,>).MakeGenericType(_rowType, typeof(IEnumerable<>).MakeGenericType(element)), elements, row),
            Expression.Lambda(Init(pairType, row, value), row, value));

        // Missing elements left out after the expansion, not inside it: the list stays a bare json_each on SQLite,
        // which JsonEachJoinsFactory can join.
        if (System.Nullable.GetUnderlyingType(element) is not null)
        {
            var pair = Expression.Parameter(pairType, "pair");
            expanded = Queryable(nameof(System.Linq.Queryable.Where), [pairType], expanded,
                Expression.Lambda(Expression.NotEqual(Expression.Property(pair, "Inner"), Expression.Constant(null, element)), pair));
        }
        _hops.Add(list.Field with { Name = "\0each " + list.Field.Name });
        _rowType = pairType;
        return expanded;
    }

    // How groups by a list's elements sort by one: the element itself, but a nation code or unit by its code's text
    // where the tree orders text itself (by TextOrder), as the in-memory engine orders codes; a provider that orders
    // text (TextOrder null) orders the stored codes.
    private Expression ElementOrder(Expression element) =>
        element.Type != typeof(string) && _hooks.TextOrder is not null
            && (System.Nullable.GetUnderlyingType(element.Type) ?? element.Type) is var type && (type == typeof(Model.NationCode) || type == typeof(Model.Unit))
            ? Expression.Call(TreeValues.CodeTextMethod, Expression.Convert(element, typeof(object)))
            : element;

    private bool IsNatural(BoundAggregate aggregate) =>
        aggregate.Argument is { } argument && argument.Field.Kind == FieldKind.Number
        || (aggregate.Argument?.Field.TypeName == typeof(DateOnly).FullName);

    // Groups ordered as Grouping.Group orders them: by each key in turn, descending (missing values first) when the
    // order by says so, ascending with missing values last otherwise; dates by first day, then last day.
    private Expression? OrderGroups(Expression groups, ParameterExpression g, BoundGroupBy group, Type keyType)
    {
        var first = true;

        // First by the aggregates 'order by' names (number results), missing values last either way.
        foreach (var order in group.Order)
        {
            if (Aggregate(g, group.Aggregates[order.Aggregate]) is not { } value)
            {
                return null;
            }

            if (!value.Type.IsValueType || System.Nullable.GetUnderlyingType(value.Type) is not null)
            {
                var missing = Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(1), Expression.Constant(0));
                groups = OrderBy(groups, g, missing, descending: false, first);
                first = false;
            }

            groups = OrderBy(groups, g, value, order.Descending, first);
            first = false;
        }

        for (var i = 0; i < group.Keys.Count; i++)
        {
            var key = group.Keys[i];
            var descending = _query.OrderBy.FirstOrDefault(o => o.Path.Text == key.Text)?.Descending ?? false;
            if (key.Field.IsCollection)
            {
                groups = OrderBy(groups, g, ElementOrder(Expression.Property(Expression.Property(g, "Key"), "K" + (i + 1))), descending, first);
                first = false;
                continue;
            }

            var sortKeys = new List<Expression>();
            if (key.Field.Kind == FieldKind.String)
            {
                sortKeys.Add(Expression.Property(Expression.Property(g, "Key"), "K" + (i + 1)));
            }
            else
            {
                sortKeys.Add(GroupMin(g, key, (record, field) => _hooks.SortKey(record, field)));
                if (key.Field.Kind is FieldKind.Date or FieldKind.Period)
                {
                    sortKeys.Add(GroupMin(g, key, (record, field) => _hooks.LastDay(record, field)));
                }
            }

            if (sortKeys.Any(k => k is null) || _problems.Count > 0)
            {
                return null;
            }

            var sortKey = sortKeys[0];
            var missing = Expression.Condition(Expression.Equal(sortKey, Expression.Constant(null, sortKey.Type)), Expression.Constant(1), Expression.Constant(0));
            groups = OrderBy(groups, g, missing, descending, first);
            first = false;
            foreach (var each in sortKeys)
            {
                groups = OrderBy(groups, g, each, descending, first: false);
            }
        }

        return groups;
    }

    // The least value of what read gives over the group's rows (all equal within a group: it is the group's value).
    private Expression GroupMin(ParameterExpression g, BoundPath path, Func<Expression, FieldSchema, Expression?> read)
    {
        var row = Expression.Parameter(_rowType, "member");
        if (Read(row, path, read, path) is not { } value)
        {
            return null!;
        }

        value = Nullable(value);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Min), [_rowType, value.Type], g, Expression.Lambda(value, row));
    }

    private Expression? Aggregate(ParameterExpression g, BoundAggregate aggregate)
    {
        if (aggregate.Function == AggregateFunction.Count)
        {
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [_rowType], g);
        }

        var row = Expression.Parameter(_rowType, "member");
        var argument = aggregate.Argument!;
        if (Read(row, argument, (record, field) => _hooks.Value(record, field), aggregate) is not { } value)
        {
            return null;
        }

        value = Nullable(value);
        switch (aggregate.Function)
        {
            case AggregateFunction.Sum:
                var sum = Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [_rowType], g, Expression.Lambda(To(value, typeof(decimal?)), row));
                return Expression.Coalesce(sum, Expression.Constant(0m));
            case AggregateFunction.Avg:
                return Expression.Call(typeof(Enumerable), nameof(Enumerable.Average), [_rowType], g, Expression.Lambda(To(value, typeof(decimal?)), row));
            case AggregateFunction.Min or AggregateFunction.Max:
                break;
            default:
                throw OperatorTable.Unhandled(aggregate.Function);
        }

        var greatest = aggregate.Function == AggregateFunction.Max;
        var underlying = System.Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (NaturallyOrdered.Contains(underlying))
        {
            return Expression.Call(typeof(Enumerable), greatest ? nameof(Enumerable.Max) : nameof(Enumerable.Min), [_rowType, value.Type], g, Expression.Lambda(value, row));
        }

        var values = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [_rowType, value.Type], g, Expression.Lambda(value, row));
        if (_hooks.Extreme(values, argument.Field, greatest) is not { } best)
        {
            Problem(aggregate, BdqDiagnostics.HookReason(aggregate.Name));
            return null;
        }

        return best;
    }
}
