using System;
using System.Collections.Immutable;

namespace BorderDomain.Schema;

/// <summary>
/// What the store and the query engine know of a <see cref="QuerySetAttribute"/> record type: its schema, and one
/// reader per field (<see cref="Readers"/>, typed, no boxing) with the boxed getters derived from them
/// (<see cref="Getters"/>; a collection field returns its collection, e.g. its <see cref="ImmutableArray{T}"/>, boxed).
/// Obtain it with <see cref="QuerySets.For{T}"/>.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class QuerySetMetadata<T>
    where T : class
{
    /// <summary>
    /// Creates metadata from a schema and one boxed getter per field, in the schema's field order. The
    /// <see cref="Readers"/> are then made from the getters: they read <see cref="object"/> values (a collection's
    /// elements as objects), so the store boxes what it indexes; prefer the constructor taking readers.
    /// </summary>
    /// <exception cref="ArgumentException">The getters do not match the fields one to one.</exception>
    public QuerySetMetadata(EntitySetSchema schema, ImmutableArray<Func<T, object?>> getters)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (getters.IsDefault || getters.Length != schema.Fields.Count)
        {
            throw new ArgumentException("There must be exactly one getter per field.", nameof(getters));
        }

        var readers = new FieldReader<T>[getters.Length];
        for (var field = 0; field < readers.Length; field++)
        {
            readers[field] = FieldReader.Boxed(getters[field] ?? throw new ArgumentException("A getter is null.", nameof(getters)), schema.Fields[field].IsCollection);
        }

        Schema = schema;
        Readers = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(readers);
        Getters = getters;
    }

    /// <summary>
    /// Creates metadata from a schema and one typed reader per field, in the schema's field order (see
    /// <see cref="FieldReader"/> for the readers); <see cref="Getters"/> are the readers' <see cref="FieldReader{T}.ReadBoxed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The readers do not match the fields one to one, or a collection field has a single-value reader (or the reverse).
    /// </exception>
    public QuerySetMetadata(EntitySetSchema schema, ImmutableArray<FieldReader<T>> readers)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (readers.IsDefault || readers.Length != schema.Fields.Count)
        {
            throw new ArgumentException("There must be exactly one reader per field.", nameof(readers));
        }

        var getters = new Func<T, object?>[readers.Length];
        for (var field = 0; field < readers.Length; field++)
        {
            var reader = readers[field] ?? throw new ArgumentException("A reader is null.", nameof(readers));
            if (reader.IsCollection != schema.Fields[field].IsCollection)
            {
                throw new ArgumentException($"The reader of '{schema.Fields[field].Name}' is {(reader.IsCollection ? "a collection's" : "a single value's")}, the field is {(schema.Fields[field].IsCollection ? "a collection" : "a single value")}.", nameof(readers));
            }

            getters[field] = reader.ReadBoxed;
        }

        Schema = schema;
        Readers = readers;
        Getters = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(getters);
    }

    /// <summary>The set's schema.</summary>
    public EntitySetSchema Schema { get; }

    /// <summary>One typed reader per field, in <see cref="EntitySetSchema.Fields"/> order: read values without boxing them.</summary>
    public ImmutableArray<FieldReader<T>> Readers { get; }

    /// <summary>One boxed getter per field, in <see cref="EntitySetSchema.Fields"/> order (each reader's <see cref="FieldReader{T}.ReadBoxed"/>).</summary>
    public ImmutableArray<Func<T, object?>> Getters { get; }

    /// <summary>The value of field number <paramref name="field"/> of <paramref name="record"/>, boxed.</summary>
    public object? GetValue(T record, int field) => Getters[field](record);
}
