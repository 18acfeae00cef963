using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using BorderDomain.Model;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query;

/// <summary>
/// Turns a bound query into expression trees a LINQ provider can translate, over the provider's own
/// <see cref="IQueryable"/>: reference paths become left joins with the target sets' queryables (one per followed
/// reference field), conditions become typed comparisons on the values <see cref="BdqTreeHooks"/> reads, with every
/// constant a captured, typed value (a provider's parameter); then ordering (missing values last, the key last),
/// paging, and the projection of <c>select</c>, <c>group by</c> or the records. What the hooks cannot read becomes
/// a BDQ0205 diagnostic at the part of the query that needs it, never an exception at enumeration.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Generic arguments are the record types and their property types.")]
[UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Record types keep their public properties (DynamicallyAccessedMembers at the entry point).")]
[UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Record types keep their public properties (DynamicallyAccessedMembers at the entry point).")]
[UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Join and key holder types are this library's own, with public constructors.")]
[UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Join and key holder types are this library's own, with public constructors.")]
[UnconditionalSuppressMessage("Trimming", "IL2077", Justification = "Join and key holder types are this library's own, with public constructors.")]
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Queryable methods over record types the caller queries.")]
[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Generic instantiations over the caller's record and property types; trees run interpreted under native AOT.")]
internal sealed partial class LinqExpressionBuilder
{
    private readonly BoundQuery _query;
    private readonly BdqTreeHooks _hooks;
    private readonly QuerySchema _schema;
    private readonly Func<string, IQueryable?> _sets;
    private readonly IReadOnlyDictionary<string, object> _parameters;
    private readonly List<BdqDiagnostic> _problems = [];

    // The reference fields followed, each the level of its join (1-based, in order of first use).
    private readonly List<FieldSchema> _hops = [];
    private Type _rowType;

    internal LinqExpressionBuilder(BoundQuery query, Type recordType, BdqTreeHooks hooks, QuerySchema schema, Func<string, IQueryable?> sets, IReadOnlyDictionary<string, object> parameters)
    {
        _query = query;
        _hooks = hooks;
        _schema = schema;
        _sets = sets;
        _parameters = parameters;
        RecordType = recordType;
        _rowType = recordType;
    }

    /// <summary>The queried record type.</summary>
    internal Type RecordType { get; }

    /// <summary>What cannot be expressed, each at its part of the query; empty when the trees are complete.</summary>
    internal IReadOnlyList<BdqDiagnostic> Problems => _problems;

    /// <summary>
    /// The records query (filtered, ordered, paged; <paramref name="cap"/> rows at most when there is no take), or the
    /// rows to count; <see langword="null"/> when <see cref="Problems"/> says why not.
    /// </summary>
    internal Expression? Records(Expression source, int? cap, bool forCount)
    {
        var rows = Filtered(source);
        if (rows is null)
        {
            return null;
        }

        var paged = forCount && _query.Skip is null && _query.Take is null;
        if (!paged)
        {
            rows = Ordered(rows, _query.OrderBy);
        }

        if (rows is null)
        {
            return null;
        }

        if (_hops.Count > 0)
        {
            var row = Expression.Parameter(_rowType, "row");
            rows = Queryable(nameof(System.Linq.Queryable.Select), [_rowType, RecordType], rows, Expression.Lambda(Level(row, 0), row));
        }

        return Page(rows, RecordType, cap);
    }

    /// <summary>The <c>select</c> rows as <c>object?[]</c>, ordered and paged; null when <see cref="Problems"/> says why not.</summary>
    internal Expression? Selected(Expression source, int? cap)
    {
        var rows = Filtered(source);
        rows = rows is null ? null : Ordered(rows, _query.OrderBy);
        if (rows is null)
        {
            return null;
        }

        var row = Expression.Parameter(_rowType, "row");
        var values = new List<Expression>();
        foreach (var path in _query.Select)
        {
            if (path.IsListHop)
            {
                if (FollowEach(Level(row, 0), path) is { } list)
                {
                    values.Add(Expression.Convert(list, typeof(object)));
                }

                continue;
            }

            if (Read(row, path, (record, field) => _hooks.Value(record, field), path) is { } value)
            {
                values.Add(Expression.Convert(value, typeof(object)));
            }
        }

        if (_problems.Count > 0)
        {
            return null;
        }

        var projected = Queryable(nameof(System.Linq.Queryable.Select), [_rowType, typeof(object[])], rows,
            Expression.Lambda(Expression.NewArrayInit(typeof(object), values), row));
        return Page(projected, typeof(object[]), cap);
    }

    // The source joined with every set a path reaches, then filtered.
    private Expression? Filtered(Expression source)
    {
        var rows = Joined(source);
        if (rows is null || _query.Filter is not { } filter)
        {
            return rows;
        }

        var row = Expression.Parameter(_rowType, "row");
        var condition = Condition(row, filter);
        return condition is null ? null : Queryable(nameof(System.Linq.Queryable.Where), [_rowType], rows, Expression.Lambda(condition, row));
    }

    private Expression Page(Expression rows, Type element, int? cap)
    {
        if (_query.Skip is { } skip)
        {
            rows = Queryable(nameof(System.Linq.Queryable.Skip), [element], rows, Captured(skip));
        }

        if ((_query.Take ?? cap) is { } take)
        {
            rows = Queryable(nameof(System.Linq.Queryable.Take), [element], rows, Captured(take));
        }

        return rows;
    }

    // Left joins, one per reference field the query follows, in order of first use.
    private Expression? Joined(Expression source)
    {
        foreach (var path in Paths().Where(p => p.IsHop && !p.IsListHop))
        {
            if (_hops.Exists(h => h.IsNamed(path.Fields[0].Name)))
            {
                continue;
            }

            var reference = path.Fields[0];
            var target = _schema.Find(reference.References!);
            var rows = _sets(reference.References!);
            if (target?.Key is not { } key || rows is null)
            {
                Problem(path, BdqDiagnostics.NeedsSetReason(reference.References!));
                return null;
            }

            var outer = Expression.Parameter(_rowType, "row");
            var inner = Expression.Parameter(rows.ElementType, "target");
            var outerKey = _hooks.JoinKey(Level(outer, 0), reference);
            var innerKey = _hooks.JoinKey(inner, key);
            if (outerKey is null || innerKey is null || Nullable(outerKey).Type != Nullable(innerKey).Type)
            {
                Problem(path, BdqDiagnostics.CannotJoinReason(reference.Name, target.Name));
                return null;
            }

            source = LeftJoin(source, outer, rows, inner, Nullable(outerKey), Nullable(innerKey));
            _hops.Add(reference);
        }

        return source;
    }

    private Expression LeftJoin(Expression source, ParameterExpression outer, IQueryable rows, ParameterExpression inner, Expression outerKey, Expression innerKey)
    {
        var targetType = rows.ElementType;
        var groupType = typeof(BdqJoin<,>).MakeGenericType(_rowType, typeof(IEnumerable<>).MakeGenericType(targetType));
        var joinType = typeof(BdqJoin<,>).MakeGenericType(_rowType, targetType);
        var matches = Expression.Parameter(typeof(IEnumerable<>).MakeGenericType(targetType), "matches");
        var grouped = Queryable(
            nameof(System.Linq.Queryable.GroupJoin),
            [_rowType, targetType, outerKey.Type, groupType],
            source,
            rows.Expression,
            Expression.Lambda(outerKey, outer),
            Expression.Lambda(innerKey, inner),
            Expression.Lambda(Init(groupType, outer, matches), outer, matches));
        var group = Expression.Parameter(groupType, "group");
        var match = Expression.Parameter(targetType, "match");
        var defaulted = Expression.Call(typeof(Enumerable), nameof(Enumerable.DefaultIfEmpty), [targetType], Expression.Property(group, "Inner"));
        var joined = Queryable(
            nameof(System.Linq.Queryable.SelectMany),
            [groupType, targetType, joinType],
            grouped,
            Expression.Lambda(defaulted, group),
            Expression.Lambda(Init(joinType, Expression.Property(group, "Outer"), match), group, match));
        _rowType = joinType;
        return joined;
    }

    // A path through a list of references, as an object[]: for each key of the list, in its order, the referenced
    // record's value (a scalar sub-query, so no provider needs a lateral join), leaving out dangling keys and missing
    // values, as ValueSemantics.FollowEach does.
    private Expression? FollowEach(Expression record, BoundPath path)
    {
        var list = path.Fields[0];
        var target = _schema.Find(list.References!);
        if (target?.Key is not { } key || _sets(list.References!) is not { } rows)
        {
            Problem(path, BdqDiagnostics.NeedsSetReason(list.References!));
            return null;
        }

        if (!_hooks.ListProjections)
        {
            Problem(path, BdqDiagnostics.CannotFollowEachReason(path.Text));
            return null;
        }

        var keys = list.Kind == FieldKind.String ? _hooks.FoldedElements(record, list) : _hooks.Elements(record, list);
        var t = Expression.Parameter(rows.ElementType, "target");
        var targetKey = _hooks.JoinKey(t, key);
        if (keys is null || TreeValues.ElementType(keys.Type) is not { } element || targetKey is null || _hooks.Value(t, path.Field) is not { } field)
        {
            Problem(path, BdqDiagnostics.HookReason(path.Text));
            return null;
        }

        var k = Expression.Parameter(element, "key");
        targetKey = Nullable(targetKey);
        var keyValue = element == targetKey.Type ? (Expression)k : Expression.Convert(k, targetKey.Type);
        var value = Nullable(field);
        var matching = Queryable(nameof(System.Linq.Queryable.Where), [rows.ElementType], rows.Expression, Expression.Lambda(Expression.Equal(targetKey, keyValue), t));
        var picked = Queryable(nameof(System.Linq.Queryable.Select), [rows.ElementType, value.Type], matching, Expression.Lambda(value, t));
        var first = Expression.Call(typeof(System.Linq.Queryable), nameof(System.Linq.Queryable.FirstOrDefault), [value.Type], picked);
        var each = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [element, value.Type], keys, Expression.Lambda(first, k));
        var v = Expression.Parameter(value.Type, "value");
        var present = Expression.Call(typeof(Enumerable), nameof(Enumerable.Where), [value.Type], each,
            Expression.Lambda(Expression.NotEqual(v, Expression.Constant(null, value.Type)), v));
        var boxed = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [value.Type, typeof(object)], present,
            Expression.Lambda(Expression.Convert(v, typeof(object)), v));
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.ToArray), [typeof(object)], boxed);
    }

    private static MemberInitExpression Init(Type joinType, Expression outer, Expression inner) => Expression.MemberInit(
        Expression.New(joinType),
        Expression.Bind(joinType.GetProperty("Outer")!, outer),
        Expression.Bind(joinType.GetProperty("Inner")!, inner));

    // Every path of the query, in the order its parts are written.
    private IEnumerable<BoundPath> Paths()
    {
        foreach (var predicate in BoundExpression.Predicates(_query.Filter))
        {
            yield return predicate.Path;
        }

        foreach (var path in _query.Select)
        {
            yield return path;
        }

        if (_query.GroupBy is { } group)
        {
            foreach (var key in group.Keys)
            {
                yield return key;
            }

            foreach (var aggregate in group.Aggregates)
            {
                if (aggregate.Argument is { } argument)
                {
                    yield return argument;
                }
            }
        }

        foreach (var ordering in _query.OrderBy)
        {
            yield return ordering.Path;
        }
    }

    // The record of join level `level` (0 = the queried record) inside a row of the current row type.
    private Expression Level(Expression row, int level) => Level(row, level, _hops.Count);

    private static Expression Level(Expression row, int level, int joins)
    {
        var outers = level == 0 ? joins : joins - level;
        for (var i = 0; i < outers; i++)
        {
            row = Expression.Property(row, "Outer");
        }

        return level == 0 ? row : Expression.Property(row, "Inner");
    }

    /// <summary>
    /// A value read at the end of <paramref name="path"/> with <paramref name="read"/>; for a hop, null when the
    /// reference dangles. Null (with a problem at <paramref name="part"/>) when the hook cannot read it.
    /// </summary>
    private Expression? Read(Expression row, BoundPath path, Func<Expression, FieldSchema, Expression?> read, object part)
    {
        var (record, guard) = Reach(row, path);
        if (read(record, path.Field) is not { } value)
        {
            Problem(part, BdqDiagnostics.HookReason(path.Text));
            return null;
        }

        if (guard is null)
        {
            return value;
        }

        var type = Nullable(value).Type;
        return Expression.Condition(guard, To(value, type), Expression.Constant(null, type));
    }

    // The record holding the path's last field, and the test that it exists (hops only).
    private (Expression Record, Expression? Guard) Reach(Expression row, BoundPath path)
    {
        if (!path.IsHop)
        {
            return (Level(row, 0), null);
        }

        var level = _hops.FindIndex(h => h.IsNamed(path.Fields[0].Name)) + 1;
        var record = Level(row, level);
        return (record, Expression.NotEqual(record, Expression.Constant(null, record.Type)));
    }

    private void Problem(object part, string reason)
    {
        var span = _query.SpanOfPart(part);
        var text = part switch
        {
            BoundPath path => path.Text,
            BoundAggregate aggregate => aggregate.Name,
            BoundPredicate predicate => predicate.Path.Text,
            _ => "the query",
        };
        if (_problems.Exists(p => p.Span == span && p.Message.Contains(reason, StringComparison.Ordinal)))
        {
            return;
        }

        _problems.Add(new BdqDiagnostic
        {
            Code = BdqDiagnostics.NotTranslatable,
            Message = BdqDiagnostics.NotTranslatableMessage(text, reason),
            Span = span,
        });
    }

    /// <summary><c>Queryable.Method&lt;types&gt;(source, args…)</c>, lambdas quoted.</summary>
    private static MethodCallExpression Queryable(string method, Type[] types, Expression source, params Expression[] arguments) =>
        Expression.Call(typeof(System.Linq.Queryable), method, types, [source, .. arguments.Select(a => a is LambdaExpression lambda ? Expression.Quote(lambda) : a)]);

    /// <summary>A typed value the tree reads from a captured holder, so a provider sends it as a parameter.</summary>
    private static Expression Captured(object value, Type? type = null)
    {
        type ??= value.GetType();
        var holder = Activator.CreateInstance(typeof(Captured<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private static Expression Nullable(Expression value) => TreeValues.Nullable(value);

    // value as type: a conversion only where the types differ, so no tree holds an identity conversion (which EF Core
    // cannot translate around a left join's DefaultIfEmpty).
    private static Expression To(Expression value, Type type) => value.Type == type ? value : Expression.Convert(value, type);
}

/// <summary>A value captured by a tree, as a closure captures a local: providers send it as a parameter.</summary>
/// <typeparam name="T">The value's type.</typeparam>
internal sealed class Captured<T>(T value)
{
    /// <summary>The value.</summary>
    public T Value { get; } = value;
}
