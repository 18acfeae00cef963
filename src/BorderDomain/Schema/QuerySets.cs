using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace BorderDomain.Schema;

/// <summary>Finds the <see cref="QuerySetMetadata{T}"/> of record types: registered (by generated code) or read from attributes.</summary>
public static class QuerySets
{
    private static readonly ConcurrentDictionary<Type, object> Cache = new();

    /// <summary>
    /// The metadata for <typeparamref name="T"/>: the one registered with <see cref="Register{T}"/>, otherwise read
    /// once from the type's <see cref="QuerySetAttribute"/>, <see cref="IndexedAttribute"/>,
    /// <see cref="ReferencesAttribute"/> and <see cref="QueryFieldAttribute"/> attributes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The type has no <see cref="QuerySetAttribute"/>, or a field has a type queries cannot use.</exception>
    public static QuerySetMetadata<T> For<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>()
        where T : class =>
        (QuerySetMetadata<T>)Cache.GetOrAdd(typeof(T), static _ => QuerySetReflector.Read<T>());

    /// <summary>Registers metadata for <typeparamref name="T"/>, used from then on instead of reading attributes.</summary>
    public static void Register<T>(QuerySetMetadata<T> metadata)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Cache[typeof(T)] = metadata;
    }
}
