using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using BorderDomain.Model;
using BorderDomain.Schema;
using BorderDomain.Query;

namespace BorderDomain.EntityFrameworkCore.Metadata;

/// <summary>
/// What the EF package adds to one <see cref="QuerySetAttribute"/> record type: its <see cref="ImmutableArray{T}"/>
/// properties moved to shadow arrays, and the derived shadow values BDQ's semantics need. A pure function of the type,
/// built once; the model conventions, the save interceptor and the materialization interceptor all read it.
/// </summary>
internal sealed class BdqEntityMap
{
    private static readonly ConcurrentDictionary<Type, BdqEntityMap?> Cache = new();
    private static readonly MethodInfo ForMethod = typeof(QuerySets).GetMethod(nameof(QuerySets.For))!;

    private BdqEntityMap(Type type, EntitySetSchema schema, ImmutableArray<ShadowArray> arrays, ImmutableArray<DerivedValue> derived)
    {
        Type = type;
        Schema = schema;
        Arrays = arrays;
        Derived = derived;
    }

    /// <summary>The record type.</summary>
    internal Type Type { get; }

    /// <summary>The record type's BDQ schema.</summary>
    internal EntitySetSchema Schema { get; }

    /// <summary>The <see cref="ImmutableArray{T}"/> properties, each stored through a shadow <c>T[]</c>.</summary>
    internal ImmutableArray<ShadowArray> Arrays { get; }

    /// <summary>The derived shadow values, computed from the record on every save.</summary>
    internal ImmutableArray<DerivedValue> Derived { get; }

    /// <summary>The map of <paramref name="type"/>, or <see langword="null"/> when it has no <see cref="QuerySetAttribute"/>.</summary>
    internal static BdqEntityMap? For(Type type) => Cache.GetOrAdd(type, Build);

    private static BdqEntityMap? Build(Type type)
    {
        if (!type.IsClass || type.GetCustomAttribute<QuerySetAttribute>() is null)
        {
            return null;
        }

        var metadata = ForMethod.MakeGenericMethod(type).Invoke(null, null)!;
        var schema = (EntitySetSchema)metadata.GetType().GetProperty(nameof(QuerySetMetadata<object>.Schema))!.GetValue(metadata)!;
        var arrays = ImmutableArray.CreateBuilder<ShadowArray>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                && property.SetMethod is not null)
            {
                arrays.Add(ShadowArray.Create(type, property));
            }
        }

        var derived = new List<DerivedValue?>();
        foreach (var field in schema.Fields)
        {
            var property = type.GetProperty(field.PropertyName)!;
            switch (field.Kind)
            {
                case FieldKind.String when field.IsCollection:
                    derived.Add(Derive(type, field, DerivedKind.FoldedElements, BdqColumns.FoldedElements(property.Name), typeof(string[]),
                        BdqTreeHooks.Default.FoldedElements));
                    break;
                case FieldKind.String:
                    derived.Add(Derive(type, field, DerivedKind.Folded, BdqColumns.Folded(property.Name), typeof(string), BdqTreeHooks.Default.FoldedText));
                    break;
                case FieldKind.Nation or FieldKind.Unit when !field.IsCollection:
                    derived.Add(Derive(type, field, DerivedKind.CodeText, BdqColumns.Code(property.Name), typeof(string), BdqTreeHooks.Default.SortKey));
                    break;
                case FieldKind.Date or FieldKind.Period when !field.IsCollection:
                    derived.Add(Derive(type, field, DerivedKind.FirstDay, BdqColumns.FirstDay(property.Name), typeof(int?), BdqTreeHooks.Default.FirstDay));
                    derived.Add(Derive(type, field, DerivedKind.LastDay, BdqColumns.LastDay(property.Name), typeof(int?), BdqTreeHooks.Default.LastDay));
                    break;
            }
        }

        return new BdqEntityMap(type, schema, arrays.ToImmutable(), derived.OfType<DerivedValue>().ToImmutableArray());
    }

    /// <summary>The shadow array behind the property named <paramref name="property"/>, if it is an <see cref="ImmutableArray{T}"/>.</summary>
    internal ShadowArray? ArrayOf(string property)
    {
        foreach (var array in Arrays)
        {
            if (array.Property.Name == property)
            {
                return array;
            }
        }

        return null;
    }

    /// <summary>The derived value of <paramref name="kind"/> for the property named <paramref name="property"/>, if there is one.</summary>
    internal DerivedValue? DerivedOf(string property, DerivedKind kind)
    {
        foreach (var derived in Derived)
        {
            if (derived.Kind == kind && derived.Field.PropertyName == property)
            {
                return derived;
            }
        }

        return null;
    }

    // The value is what BDQ's LINQ-to-Objects hooks compute from the record, compiled: one copy of each rule, in the core.
    // None when the core cannot compute it for this property's type: queries needing it then get BDQ's "cannot run
    // here" diagnostic from the EF hooks, never a wrong answer.
    private static DerivedValue? Derive(Type type, FieldSchema field, DerivedKind kind, string name, Type clrType, Func<Expression, FieldSchema, Expression?> hook)
    {
        var record = Expression.Parameter(typeof(object), "record");
        if (hook(Expression.Convert(record, type), field) is not { } body)
        {
            return null;
        }

        if (clrType == typeof(string[]))
        {
            body = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToArray), [typeof(string)], body);
        }

        var compute = Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), record).Compile();
        return new DerivedValue(name, clrType, field, kind, compute, clrType.IsArray);
    }

    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var record = Expression.Parameter(typeof(object), "record");
        return Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(Expression.Convert(record, type), property), typeof(object)), record).Compile();
    }
}

/// <summary>What a derived shadow value holds.</summary>
internal enum DerivedKind
{
    /// <summary>BDQ's folded text of a text field.</summary>
    Folded,

    /// <summary>BDQ's folded text of each element of a text list.</summary>
    FoldedElements,

    /// <summary>A nation code's alpha-3 code or a unit's code, as text.</summary>
    CodeText,

    /// <summary>The first day number of a date or period.</summary>
    FirstDay,

    /// <summary>The last day number of a date or period.</summary>
    LastDay,
}

/// <summary>A shadow property computed from the record on save.</summary>
/// <param name="Name">The shadow property (and column) name.</param>
/// <param name="ClrType">Its CLR type.</param>
/// <param name="Field">The BDQ field it derives from.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Compute">Computes it from a record.</param>
/// <param name="IsCollection">Whether it is a primitive collection.</param>
internal sealed record DerivedValue(string Name, Type ClrType, FieldSchema Field, DerivedKind Kind, Func<object, object?> Compute, bool IsCollection);

/// <summary>An <see cref="ImmutableArray{T}"/> property stored through a shadow <c>T[]</c> primitive collection.</summary>
/// <param name="Property">The record's property.</param>
/// <param name="ShadowName">The shadow property's name.</param>
/// <param name="ElementType">The element type.</param>
/// <param name="ToArray">Reads the property as a <c>T[]</c> (a default array as an empty one).</param>
/// <param name="FromArray">Sets the property from a <c>T[]</c> (null as empty).</param>
internal sealed record ShadowArray(PropertyInfo Property, string ShadowName, Type ElementType, Func<object, object> ToArray, Action<object, object?> FromArray)
{
    /// <summary>The shadow's CLR type, <c>T[]</c>.</summary>
    internal Type ShadowType => ElementType.MakeArrayType();

    internal static ShadowArray Create(Type type, PropertyInfo property)
    {
        var element = property.PropertyType.GetGenericArguments()[0];
        var helper = typeof(ShadowArray).GetMethod(nameof(Accessors), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
        var (toArray, fromArray) = ((Func<object, object>, Action<object, object?>))helper.Invoke(null, [type, property])!;
        return new ShadowArray(property, BdqColumns.Values(property.Name), element, toArray, fromArray);
    }

    private static (Func<object, object>, Action<object, object?>) Accessors<TElement>(Type type, PropertyInfo property)
    {
        var record = Expression.Parameter(typeof(object), "record");
        var get = Expression.Lambda<Func<object, ImmutableArray<TElement>>>(Expression.Property(Expression.Convert(record, type), property), record).Compile();
        var value = Expression.Parameter(typeof(ImmutableArray<TElement>), "value");
        var set = Expression.Lambda<Action<object, ImmutableArray<TElement>>>(
            Expression.Call(Expression.Convert(record, type), property.SetMethod!, value), record, value).Compile();
        return (
            source => get(source) is { IsDefault: false } items ? items.ToArray() : Array.Empty<TElement>(),
            (target, array) => set(target, array is TElement[] items ? ImmutableArray.Create(items) : ImmutableArray<TElement>.Empty));
    }
}
