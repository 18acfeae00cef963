using System;
using System.Collections.Immutable;

namespace BorderDomain.Schema;

/// <summary>
/// What the store and the query engine know of a <see cref="QuerySetAttribute"/> record type: its schema, and one
/// getter per field returning the field's value (boxed; a collection field returns its <see cref="ImmutableArray{T}"/>).
/// Obtain it with <see cref="QuerySets.For{T}"/>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class QuerySetMetadata<T>
    where T : class
{
    /// <summary>Creates metadata from a schema and one getter per field, in the schema's field order.</summary>
    /// <exception cref="ArgumentException">The getters do not match the fields one to one.</exception>
    public QuerySetMetadata(EntitySetSchema schema, ImmutableArray<Func<T, object?>> getters)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (getters.IsDefault || getters.Length != schema.Fields.Count)
        {
            throw new ArgumentException("There must be exactly one getter per field.", nameof(getters));
        }

        Schema = schema;
        Getters = getters;
    }

    /// <summary>The set's schema.</summary>
    public EntitySetSchema Schema { get; }

    /// <summary>One getter per field, in <see cref="EntitySetSchema.Fields"/> order.</summary>
    public ImmutableArray<Func<T, object?>> Getters { get; }

    /// <summary>The value of field number <paramref name="field"/> of <paramref name="record"/>.</summary>
    public object? GetValue(T record, int field) => Getters[field](record);
}
