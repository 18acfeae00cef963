using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using BorderDomain.Model;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>Conditions: each predicate as a typed comparison on what the hooks read, meaning what <see cref="ValueSemantics.Test"/> means.</summary>
internal sealed partial class LinqExpressionBuilder
{
    private Expression? Condition(Expression row, BoundExpression condition)
    {
        switch (condition)
        {
            case BoundAnd and:
                var left = Condition(row, and.Left);
                var right = Condition(row, and.Right);
                return left is null || right is null ? null : Expression.AndAlso(left, right);
            case BoundOr or:
                var first = Condition(row, or.Left);
                var second = Condition(row, or.Right);
                return first is null || second is null ? null : Expression.OrElse(first, second);
            case BoundNot not:
                return Condition(row, not.Operand) is { } operand ? Expression.Not(operand) : null;
            case BoundPredicate predicate:
                var (record, guard) = Reach(row, predicate.Path);
                if (Predicate(record, predicate) is not { } test)
                {
                    return null;
                }

                // A dangling reference has no value: only 'is null' holds for it.
                return guard is null ? test
                    : predicate.Operator == PredicateOperator.IsNull ? Expression.OrElse(Expression.Not(guard), test)
                    : Expression.AndAlso(guard, test);
            default:
                return null;
        }
    }

    private Expression? Predicate(Expression record, BoundPredicate predicate)
    {
        if (predicate.Values is [BoundSubquery subquery])
        {
            return SubqueryTest(record, predicate, subquery);
        }

        var field = predicate.Path.Field;
        var op = predicate.Operator;
        var constants = predicate.Values.Select(Constant).ToArray();
        if (predicate.Length)
        {
            return Length(record, field, predicate) is { } length ? NumberTest(length, predicate, constants) : null;
        }

        if (op is PredicateOperator.IsNull or PredicateOperator.IsNotNull)
        {
            var missing = Missing(record, field, predicate);
            return missing is null ? null : op == PredicateOperator.IsNull ? missing : Expression.Not(missing);
        }

        if (field.IsCollection)
        {
            return Has(record, field, predicate, constants);
        }

        return field.Kind switch
        {
            FieldKind.String => TextTest(record, field, predicate, constants),
            FieldKind.Date or FieldKind.Period => DateTest(record, field, predicate, constants),
            FieldKind.Number => NumberTest(record, field, predicate, constants),
            _ => ExactTest(record, field, predicate, constants),
        };
    }

    // 'path in (inner query)': Contains over the inner query's selected values (a list field's elements, by SelectMany),
    // one sub-query expression in the outer filter, which a provider translates as 'IN (SELECT …)'. Text compares folded.
    private Expression? SubqueryTest(Expression record, BoundPredicate predicate, BoundSubquery subquery)
    {
        var inner = subquery.Query;
        if (_sets(inner.Set.Name) is not { } rows)
        {
            Problem(predicate, BdqDiagnostics.NeedsSetReason(inner.Set.Name));
            return null;
        }

        var builder = new LinqExpressionBuilder(inner, rows.ElementType, _hooks, _schema, _sets, _parameters);
        var records = builder.Records(rows.Expression, cap: null, forCount: false);
        if (records is null)
        {
            _problems.AddRange(builder.Problems);
            return null;
        }

        var field = predicate.Path.Field;
        var selected = subquery.Selected.Field;
        var text = field.Kind == FieldKind.String;
        var t = Expression.Parameter(rows.ElementType, "inner");
        var outer = text ? _hooks.FoldedText(record, field) : _hooks.Value(record, field);
        Expression? values = null;
        Type? element = null;
        if (selected.IsCollection)
        {
            if (!_hooks.LateralJoins)
            {
                builder.Problem(subquery.Selected, BdqDiagnostics.CannotExpandSubqueryReason(subquery.Selected.Text));
                _problems.AddRange(builder.Problems);
                return null;
            }

            var elements = text ? _hooks.FoldedElements(t, selected) : _hooks.Elements(t, selected);
            element = elements is null ? null : TreeValues.ElementType(elements.Type);
            if (elements is not null && element is not null)
            {
                var sequence = typeof(IEnumerable<>).MakeGenericType(element);
                values = Queryable(nameof(System.Linq.Queryable.SelectMany), [rows.ElementType, element], records,
                    Expression.Lambda(typeof(Func<,>).MakeGenericType(rows.ElementType, sequence), elements, t));
            }
        }
        else if ((text ? _hooks.FoldedText(t, selected) : _hooks.Value(t, selected)) is { } value)
        {
            element = value.Type;
            values = Queryable(nameof(System.Linq.Queryable.Select), [rows.ElementType, element], records, Expression.Lambda(value, t));
        }

        if (outer is null || values is null || element is null)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        // Both sides as one nullable type; a missing outer value is in nothing and not in nothing, as the executor says.
        var type = Nullable(outer).Type;
        if (element != type)
        {
            var e = Expression.Parameter(element, "e");
            values = Queryable(nameof(System.Linq.Queryable.Select), [element, type], values, Expression.Lambda(To(e, type), e));
        }

        var probe = To(outer, type);
        var contains = Expression.Call(typeof(System.Linq.Queryable), nameof(System.Linq.Queryable.Contains), [type], values, probe);
        var present = !probe.Type.IsValueType || System.Nullable.GetUnderlyingType(probe.Type) is not null
            ? Expression.NotEqual(probe, Expression.Constant(null, probe.Type))
            : null;
        return predicate.Operator == PredicateOperator.In
            ? contains
            : present is null ? Expression.Not(contains) : Expression.AndAlso(present, Expression.Not(contains));
    }

    // The predicate's values as records hold them (as the executor resolves them).
    private object Constant(BoundValue value) => PredicateConstants.Value(value, _parameters);

    private Expression? Missing(Expression record, FieldSchema field, BoundPredicate predicate)
    {
        if (field.IsCollection)
        {
            // Missing: null, or no element that is not null.
            var elements = field.Kind == FieldKind.String ? _hooks.FoldedElements(record, field) : _hooks.Elements(record, field);
            if (elements is null || TreeValues.ElementType(elements.Type) is not { } element)
            {
                Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
                return null;
            }

            // Folded elements hold no null (the hook's contract), nor do lists of plain values: "no element" then.
            Expression any;
            if (field.Kind == FieldKind.String || (element.IsValueType && System.Nullable.GetUnderlyingType(element) is null))
            {
                any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [element], elements);
            }
            else
            {
                var e = Expression.Parameter(element, "e");
                any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [element], elements,
                    Expression.Lambda(Expression.NotEqual(e, Expression.Constant(null, element)), e));
            }

            return Expression.Not(any);
        }

        if (_hooks.Value(record, field) is not { } value)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        return !value.Type.IsValueType || System.Nullable.GetUnderlyingType(value.Type) is not null
            ? Expression.Equal(value, Expression.Constant(null, value.Type))
            : Expression.Constant(false);
    }

    // Text: every test on the folded form; constants folded once, here.
    private Expression? TextTest(Expression record, FieldSchema field, BoundPredicate predicate, object[] constants)
    {
        if (_hooks.FoldedText(record, field) is not { } folded)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        var texts = constants.Select(c => PredicateConstants.Fold((string)c)).ToArray();

        // Whether there is text; over LINQ to Objects (the default hook's Fold call) tested on the raw text, not folded twice.
        var present = folded is MethodCallExpression { Method: var fold } call && fold == TreeValues.FoldMethod
            ? Expression.NotEqual(call.Arguments[0], Expression.Constant(null, call.Arguments[0].Type))
            : Expression.NotEqual(folded, Expression.Constant(null, typeof(string)));
        Expression? Compare(string text, ExpressionType comparison) =>
            _hooks.CompareText(folded, Captured(text)) is { } order ? Expression.AndAlso(present, Expression.MakeBinary(comparison, order, Expression.Constant(0))) : null;
        Expression? result = predicate.Operator switch
        {
            PredicateOperator.Equal => FoldedEquals(folded, texts[0]),
            PredicateOperator.NotEqual => Expression.AndAlso(present, Expression.Not(FoldedEquals(folded, texts[0]))),
            PredicateOperator.In => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Captured(texts), folded),
            PredicateOperator.NotIn => Expression.AndAlso(present, Expression.Not(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Captured(texts), folded))),
            PredicateOperator.Less => Compare(texts[0], ExpressionType.LessThan),
            PredicateOperator.LessOrEqual => Compare(texts[0], ExpressionType.LessThanOrEqual),
            PredicateOperator.Greater => Compare(texts[0], ExpressionType.GreaterThan),
            PredicateOperator.GreaterOrEqual => Compare(texts[0], ExpressionType.GreaterThanOrEqual),
            PredicateOperator.Between => Compare(texts[0], ExpressionType.GreaterThanOrEqual) is { } low && Compare(texts[1], ExpressionType.LessThanOrEqual) is { } high
                ? Expression.AndAlso(low, high) : null,
            PredicateOperator.Contains => _hooks.MatchText(folded, Captured(texts[0]), TextMatch.Contains),
            PredicateOperator.StartsWith => _hooks.MatchText(folded, Captured(texts[0]), TextMatch.StartsWith),
            PredicateOperator.EndsWith => _hooks.MatchText(folded, Captured(texts[0]), TextMatch.EndsWith),
            _ => throw OperatorTable.Unhandled(predicate.Operator),
        };
        if (result is null)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
        }

        return result;
    }

    // folded == text; over LINQ to Objects (the default hook's Fold call) compared without building the folded string.
    private static Expression FoldedEquals(Expression folded, string text) =>
        folded is MethodCallExpression call && call.Method == TreeValues.FoldMethod
            ? Expression.Call(TreeValues.FoldedEqualsMethod, call.Arguments[0], Captured(text))
            : Expression.Equal(folded, Captured(text));

    // Dates and periods: intervals, through their first and last day numbers.
    private Expression? DateTest(Expression record, FieldSchema field, BoundPredicate predicate, object[] constants)
    {
        if (_hooks.FirstDay(record, field) is not { } first || _hooks.LastDay(record, field) is not { } last)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        first = first.Type == typeof(int?) ? first : Expression.Convert(first, typeof(int?));
        last = last.Type == typeof(int?) ? last : Expression.Convert(last, typeof(int?));
        var dates = constants.Cast<PartialDate>().ToArray();
        Expression Day(int day) => Expression.Convert(Captured(day), typeof(int?));
        Expression Inside(PartialDate date) => Expression.AndAlso(
            Expression.GreaterThanOrEqual(first, Day(date.StartDayNumber)),
            Expression.LessThanOrEqual(last, Day(date.EndDayNumber)));
        var present = Expression.NotEqual(first, Expression.Constant(null, typeof(int?)));
        return predicate.Operator switch
        {
            PredicateOperator.Equal => Inside(dates[0]),
            PredicateOperator.NotEqual => Expression.AndAlso(present, Expression.Not(Inside(dates[0]))),
            PredicateOperator.In => dates.Select(Inside).Aggregate(Expression.OrElse),
            PredicateOperator.NotIn => Expression.AndAlso(present, Expression.Not(dates.Select(Inside).Aggregate(Expression.OrElse))),
            PredicateOperator.Between => Expression.AndAlso(
                Expression.GreaterThanOrEqual(first, Day(dates[0].StartDayNumber)),
                Expression.LessThanOrEqual(last, Day(dates[1].EndDayNumber))),
            PredicateOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(first, Day(dates[0].StartDayNumber)),
            PredicateOperator.Greater => Expression.GreaterThan(first, Day(dates[0].EndDayNumber)),
            PredicateOperator.LessOrEqual => Expression.LessThanOrEqual(last, Day(dates[0].EndDayNumber)),
            PredicateOperator.Less => Expression.LessThan(last, Day(dates[0].StartDayNumber)),
            _ => throw OperatorTable.Unhandled(predicate.Operator),
        };
    }

    // A list's length as an int, what ValueSemantics.Length means: its elements' count, 0 for a missing list
    // (Enumerable.Count over the hook's elements; cardinality / json_array_length in SQL).
    private Expression? Length(Expression record, FieldSchema field, BoundPredicate predicate)
    {
        if (_hooks.Elements(record, field) is not { } elements || TreeValues.ElementType(elements.Type) is not { } element)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        var count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [element], elements);
        return elements.Type.IsValueType
            ? count
            : Expression.Condition(Expression.Equal(elements, Expression.Constant(null, elements.Type)), Expression.Constant(0), count);
    }

    // Numbers: compared in the property's own type where that is exact (integers), else as decimals.
    private Expression? NumberTest(Expression record, FieldSchema field, BoundPredicate predicate, object[] constants)
    {
        if (_hooks.Value(record, field) is not { } value)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        return NumberTest(value, predicate, constants);
    }

    private static Expression NumberTest(Expression value, BoundPredicate predicate, object[] constants)
    {
        var numbers = constants.Select(ValueSemantics.ToDecimal).ToArray();
        var nullable = Nullable(value);
        var present = Present(value);
        return predicate.Operator switch
        {
            PredicateOperator.Equal => NumberCompare(nullable, numbers[0], ExpressionType.Equal),
            PredicateOperator.NotEqual => Expression.AndAlso(present, Expression.Not(NumberCompare(nullable, numbers[0], ExpressionType.Equal))),
            PredicateOperator.In => NumberIn(nullable, numbers),
            PredicateOperator.NotIn => Expression.AndAlso(present, Expression.Not(NumberIn(nullable, numbers))),
            PredicateOperator.Less => NumberCompare(nullable, numbers[0], ExpressionType.LessThan),
            PredicateOperator.LessOrEqual => NumberCompare(nullable, numbers[0], ExpressionType.LessThanOrEqual),
            PredicateOperator.Greater => NumberCompare(nullable, numbers[0], ExpressionType.GreaterThan),
            PredicateOperator.GreaterOrEqual => NumberCompare(nullable, numbers[0], ExpressionType.GreaterThanOrEqual),
            PredicateOperator.Between => Expression.AndAlso(
                NumberCompare(nullable, numbers[0], ExpressionType.GreaterThanOrEqual),
                NumberCompare(nullable, numbers[1], ExpressionType.LessThanOrEqual)),
            _ => throw OperatorTable.Unhandled(predicate.Operator),
        };
    }

    private static Expression Present(Expression value) =>
        !value.Type.IsValueType || System.Nullable.GetUnderlyingType(value.Type) is not null
            ? Expression.NotEqual(value, Expression.Constant(null, value.Type))
            : Expression.Constant(true);

    // value (nullable) compared with a decimal: in the integer type when the property is one (bounds rounded so the
    // answer is the decimal comparison's), else converted to decimal, as ValueSemantics.ToDecimal does.
    private static Expression NumberCompare(Expression value, decimal number, ExpressionType comparison)
    {
        var type = System.Nullable.GetUnderlyingType(value.Type)!;
        if (IntegerRange(type) is not var (min, max))
        {
            return Expression.MakeBinary(comparison, To(value, typeof(decimal?)), Expression.Convert(Captured(number), typeof(decimal?)));
        }

        var present = Expression.NotEqual(value, Expression.Constant(null, value.Type));
        Expression Bound(decimal bound) => Expression.Convert(Captured(Convert.ChangeType(bound, type, CultureInfo.InvariantCulture)), value.Type);
        switch (comparison)
        {
            case ExpressionType.Equal:
                return number != decimal.Truncate(number) || number < min || number > max
                    ? Expression.Constant(false)
                    : Expression.Equal(value, Bound(number));
            case ExpressionType.LessThan:
            case ExpressionType.GreaterThanOrEqual:
                // v < n  ⇔  v < ceil(n);  v >= n  ⇔  v >= ceil(n)
                var ceiling = decimal.Ceiling(number);
                var less = comparison == ExpressionType.LessThan;
                return ceiling > max ? (less ? present : Expression.Constant(false))
                    : ceiling <= min ? (less ? Expression.Constant(false) : present)
                    : Expression.MakeBinary(comparison, value, Bound(ceiling));
            default:
                // v <= n  ⇔  v <= floor(n);  v > n  ⇔  v > floor(n)
                var floor = decimal.Floor(number);
                var atMost = comparison == ExpressionType.LessThanOrEqual;
                return floor >= max ? (atMost ? present : Expression.Constant(false))
                    : floor < min ? (atMost ? Expression.Constant(false) : present)
                    : Expression.MakeBinary(comparison, value, Bound(floor));
        }
    }

    private static (decimal Min, decimal Max)? IntegerRange(Type type) =>
        type == typeof(int) ? (int.MinValue, int.MaxValue)
        : type == typeof(long) ? (long.MinValue, long.MaxValue)
        : type == typeof(short) ? (short.MinValue, short.MaxValue)
        : null;

    private static Expression NumberIn(Expression value, decimal[] numbers)
    {
        var type = System.Nullable.GetUnderlyingType(value.Type)!;
        if (IntegerRange(type) is var (min, max))
        {
            var exact = numbers.Where(n => n == decimal.Truncate(n) && n >= min && n <= max).ToArray();
            var array = Array.CreateInstance(value.Type, exact.Length);
            for (var i = 0; i < exact.Length; i++)
            {
                array.SetValue(Convert.ChangeType(exact[i], type, CultureInfo.InvariantCulture), i);
            }

            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [value.Type], Captured(array, array.GetType()), value);
        }

        var decimals = numbers.Select(n => (decimal?)n).ToArray();
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(decimal?)], Captured(decimals), To(value, typeof(decimal?)));
    }

    // Enums, nation codes, units, yes/no: equality of typed values.
    private Expression? ExactTest(Expression record, FieldSchema field, BoundPredicate predicate, object[] constants)
    {
        if (_hooks.Value(record, field) is not { } value)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        var type = System.Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        if (predicate.Operator == PredicateOperator.IsTrue)
        {
            return Expression.Equal(Nullable(value), Expression.Constant(true, typeof(bool?)));
        }

        if (Typed(type, field, constants) is not { } typed)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        var nullable = Nullable(value);
        Expression Is(object constant) => value.Type == type
            ? Expression.Equal(value, Captured(constant, type))
            : Expression.Equal(nullable, Expression.Convert(Captured(constant, type), nullable.Type));
        Expression In()
        {
            var array = Array.CreateInstance(nullable.Type, typed.Length);
            for (var i = 0; i < typed.Length; i++)
            {
                array.SetValue(typed[i], i);
            }

            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [nullable.Type], Captured(array, array.GetType()), nullable);
        }

        var present = Present(value);
        return predicate.Operator switch
        {
            PredicateOperator.Equal => Is(typed[0]),
            PredicateOperator.NotEqual => Expression.AndAlso(present, Expression.Not(Is(typed[0]))),
            PredicateOperator.In => In(),
            PredicateOperator.NotIn => Expression.AndAlso(present, Expression.Not(In())),
            _ => throw OperatorTable.Unhandled(predicate.Operator),
        };
    }

    // The constants as values of the field's CLR type: an enum member by name, a code as itself.
    private static object[]? Typed(Type type, FieldSchema field, object[] constants)
    {
        var result = new object[constants.Length];
        for (var i = 0; i < constants.Length; i++)
        {
            var constant = constants[i];
            if (field.Kind == FieldKind.Enum)
            {
                if (!type.IsEnum || !Enum.TryParse(type, constant.ToString(), ignoreCase: false, out var member))
                {
                    return null;
                }

                result[i] = member!;
            }
            else if (type.IsInstanceOfType(constant))
            {
                result[i] = constant;
            }
            else
            {
                return null;
            }
        }

        return result;
    }

    // has / has any / has all on a collection: Contains, Any, and one Contains per value.
    private Expression? Has(Expression record, FieldSchema field, BoundPredicate predicate, object[] constants)
    {
        var text = field.Kind == FieldKind.String;
        var elements = text ? _hooks.FoldedElements(record, field) : _hooks.Elements(record, field);
        if (elements is null || TreeValues.ElementType(elements.Type) is not { } element
            || field.Kind is FieldKind.Date or FieldKind.Period)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        var elementType = System.Nullable.GetUnderlyingType(element) ?? element;
        object[]? values = text ? constants.Select(c => (object)PredicateConstants.Fold((string)c)).ToArray()
            : field.Kind == FieldKind.Number ? NumberElements(elementType, constants)
            : Typed(elementType, field, constants);
        if (values is null)
        {
            Problem(predicate, BdqDiagnostics.HookReason(predicate.Path.Text));
            return null;
        }

        // Over LINQ to Objects (the default hooks' calls) a text list is searched without folded copies, and an
        // ImmutableArray without boxing it.
        Expression Contains(object value)
        {
            if (text && elements is MethodCallExpression folds && folds.Method == TreeValues.FoldAllMethod)
            {
                return Expression.Call(TreeValues.HasFoldedMethod, folds.Arguments[0], Captured(value, typeof(string)));
            }

            var item = To(Captured(value, elementType), element);
            if (elements is MethodCallExpression { Method.IsGenericMethod: true } wraps && wraps.Method.GetGenericMethodDefinition() == TreeValues.ElementsMethod
                && wraps.Arguments[0] is UnaryExpression { NodeType: ExpressionType.Convert } boxed
                && boxed.Operand.Type == typeof(System.Collections.Immutable.ImmutableArray<>).MakeGenericType(element))
            {
                return Expression.Call(TreeValues.HasElementMethod.MakeGenericMethod(element), boxed.Operand, item);
            }

            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [element], elements, item);
        }
        if (values.Length == 0)
        {
            return Expression.Constant(predicate.Operator == PredicateOperator.HasAll);
        }

        switch (predicate.Operator)
        {
            case PredicateOperator.Has:
                return Contains(values[0]);
            case PredicateOperator.HasAll:
                return values.Select(Contains).Aggregate(Expression.AndAlso);
            case PredicateOperator.HasAny:
                if (values.Length == 1 || text)
                {
                    return values.Select(Contains).Aggregate(Expression.OrElse);
                }

                var array = Array.CreateInstance(element, values.Length);
                for (var i = 0; i < values.Length; i++)
                {
                    array.SetValue(values[i], i);
                }

                var e = Expression.Parameter(element, "e");
                var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [element], Captured(array, array.GetType()), e);
                return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [element], elements, Expression.Lambda(contains, e));
            default:
                throw OperatorTable.Unhandled(predicate.Operator);
        }
    }

    // Number constants as list elements of an integer or decimal type; values no element can equal are left out.
    private static object[] NumberElements(Type type, object[] constants)
    {
        var numbers = constants.Select(ValueSemantics.ToDecimal);
        if (IntegerRange(type) is var (min, max))
        {
            return numbers.Where(n => n == decimal.Truncate(n) && n >= min && n <= max)
                .Select(n => Convert.ChangeType(n, type, CultureInfo.InvariantCulture)).ToArray();
        }

        return numbers.Select(n => Convert.ChangeType(n, type, CultureInfo.InvariantCulture)).ToArray();
    }
}
