using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using BorderDomain.Query.Semantics;
using BorderDomain.Query.Syntax;
using BorderDomain.Schema;
using BorderDomain.Storage;

namespace BorderDomain.Query.Execution;

/// <summary>
/// Turns a bound query into LINQ expression trees over a record type: a filter lambda, and ordering key
/// selectors. Fields are read by the property names the schema declares, and every test calls
/// <see cref="ValueSemantics.Test"/>, so results equal the in-memory executor's.
/// </summary>
/// <typeparam name="T">The record type the query's set holds.</typeparam>
internal sealed class LinqExpressionBuilder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    where T : class
{
    private static readonly MethodInfo TestMethod = typeof(ValueSemantics).GetMethod(nameof(ValueSemantics.Test))!;

    private readonly ParameterExpression _record = Expression.Parameter(typeof(T), "record");
    private readonly Func<string, IEntityTable?> _tables;
    private readonly IReadOnlyDictionary<string, object> _parameters;

    internal LinqExpressionBuilder(Func<string, IEntityTable?> tables, IReadOnlyDictionary<string, object> parameters)
    {
        _tables = tables;
        _parameters = parameters;
    }

    /// <summary><c>record =&gt; condition</c>.</summary>
    internal Expression<Func<T, bool>> Filter(BoundExpression condition) => Expression.Lambda<Func<T, bool>>(Build(condition), _record);

    /// <summary><c>record =&gt; (object)value</c> for an ordering key.</summary>
    internal Expression<Func<T, object?>> Key(BoundPath path) => Expression.Lambda<Func<T, object?>>(Value(path), _record);

    private Expression Build(BoundExpression condition) => condition switch
    {
        BoundAnd and => Expression.AndAlso(Build(and.Left), Build(and.Right)),
        BoundOr or => Expression.OrElse(Build(or.Left), Build(or.Right)),
        BoundNot not => Expression.Not(Build(not.Operand)),
        BoundPredicate predicate => Expression.Call(
            TestMethod,
            Expression.Constant(predicate.Path.Field.Kind),
            Expression.Constant(predicate.Operator),
            Value(predicate.Path),
            Expression.Constant(Constants(predicate)),
            Expression.Constant(predicate.Path.Field.IsCollection)),
        _ => throw new ArgumentException("Unknown bound expression.", nameof(condition)),
    };

    // record.Property, boxed; for a hop, the referenced record's field looked up by key.
    private Expression Value(BoundPath path)
    {
        var property = typeof(T).GetProperty(path.Fields[0].PropertyName)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {path.Fields[0].PropertyName}.");
        Expression value = Expression.Convert(Expression.Property(_record, property), typeof(object));
        if (!path.IsHop)
        {
            return value;
        }

        var target = _tables(path.Fields[0].References!);
        var field = target?.Schema.IndexOfField(path.Fields[1].Name) ?? -1;
        Func<object?, object?> follow = key => target is not null && RecordKey.Text(key) is { } text && target.TryGetRow(text, out var row)
            ? target.GetValue(row, field)
            : null;
        return Expression.Invoke(Expression.Constant(follow), value);
    }

    private object[] Constants(BoundPredicate predicate)
    {
        var values = predicate.Values.Select(value => value switch
        {
            BoundConstant constant => PlanExecutor.Runtime(constant.Kind, constant.Value),
            BoundParameter parameter => _parameters[parameter.Name],
            _ => throw new ArgumentException("Unknown bound value.", nameof(predicate)),
        }).ToArray();
        if (predicate.Operator is PredicateOperator.Contains or PredicateOperator.StartsWith or PredicateOperator.EndsWith)
        {
            values[0] = TextNormalizer.Normalize((string)values[0]);
        }

        return values;
    }
}
