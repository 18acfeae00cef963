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
    /// <see cref="ReferencesAttribute"/> and <see cref="QueryFieldAttribute"/> attributes. A public property whose type
    /// queries do not support (see <see cref="SchemaConventions.KindOf"/>, e.g. <c>TimeSpan</c> or
    /// <c>Dictionary&lt;string, int&gt;</c>) is not a field: it is skipped and listed in
    /// <see cref="EntitySetSchema.SkippedProperties"/>, as the source generator does (which also warns, BDQ1010), and a
    /// query naming it gets a BDQ0102 saying its type is not supported. Mark it
    /// <c>[QueryField(Ignore = true)]</c> to leave it out without being listed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The type has no <see cref="QuerySetAttribute"/>.</exception>
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
