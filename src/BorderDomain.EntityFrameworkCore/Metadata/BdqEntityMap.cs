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
using BorderDomain.Storage;

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

        var derived = ImmutableArray.CreateBuilder<DerivedValue>();
        foreach (var field in schema.Fields)
        {
            var property = type.GetProperty(field.PropertyName)!;
            var read = Getter(type, property);
            switch (field.Kind)
            {
                case FieldKind.String when field.IsCollection:
                    derived.Add(new DerivedValue(BdqColumns.Keys(property.Name), typeof(string[]), field, DerivedKind.CaseKeys,
                        record => Elements(read(record)).Select(element => element is string text ? CaseKey(text) : null).ToArray(), true));
                    break;
                case FieldKind.String:
                    derived.Add(new DerivedValue(BdqColumns.Folded(property.Name), typeof(string), field, DerivedKind.Folded,
                        record => read(record) is string text ? TextNormalizer.Normalize(text) : null, false));
                    derived.Add(new DerivedValue(BdqColumns.Key(property.Name), typeof(string), field, DerivedKind.CaseKey,
                        record => read(record) is string text ? CaseKey(text) : null, false));
                    break;
                case FieldKind.Date or FieldKind.Period when !field.IsCollection:
                    derived.Add(new DerivedValue(BdqColumns.Start(property.Name), typeof(int?), field, DerivedKind.StartDay,
                        record => DateIndex.TryGetDays(read(record), out var start, out _) ? start : null, false));
                    derived.Add(new DerivedValue(BdqColumns.End(property.Name), typeof(int?), field, DerivedKind.EndDay,
                        record => DateIndex.TryGetDays(read(record), out _, out var end) ? end : null, false));
                    break;
            }
        }

        return new BdqEntityMap(type, schema, arrays.ToImmutable(), derived.ToImmutable());
    }

    /// <summary>The case key of a text: equal keys exactly when the texts are equal ignoring case (ordinal).</summary>
    internal static string CaseKey(string text) => text.ToUpperInvariant();

    private static IEnumerable<object?> Elements(object? collection) =>
        collection is IEnumerable items ? items.Cast<object?>() : [];

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
    /// <summary>BDQ's folded text.</summary>
    Folded,

    /// <summary>The case key of a text.</summary>
    CaseKey,

    /// <summary>The case keys of a text list's elements.</summary>
    CaseKeys,

    /// <summary>The first day number of a date or period.</summary>
    StartDay,

    /// <summary>The last day number of a date or period.</summary>
    EndDay,
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
