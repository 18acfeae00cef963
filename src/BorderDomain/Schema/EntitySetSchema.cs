using System;

namespace BorderDomain.Schema;

/// <summary>An entity set as plain data: its name, record type and fields.</summary>
public sealed record EntitySetSchema
{
    /// <summary>The set's name in queries, e.g. <c>accords</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The full name of the record type, e.g. <c>BorderDomain.Model.Accord</c>.</summary>
    public required string RecordTypeName { get; init; }

    /// <summary>The queryable fields, in property declaration order.</summary>
    public required EquatableArray<FieldSchema> Fields { get; init; }

    /// <summary>
    /// The public properties left out of <see cref="Fields"/> because queries do not support their type, in declaration
    /// order; empty by default. A query naming one gets a BDQ0102 that says so.
    /// </summary>
    public EquatableArray<SkippedProperty> SkippedProperties { get; init; }

    /// <summary>The field marked <see cref="IndexKind.Key"/>, if any.</summary>
    public FieldSchema? Key
    {
        get
        {
            foreach (var candidate in Fields)
            {
                if (candidate.Index == IndexKind.Key)
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>The field named <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    public FieldSchema? FindField(string name)
    {
        foreach (var field in Fields)
        {
            if (field.IsNamed(name))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The skipped property whose query name is <paramref name="name"/> (case-insensitive), or <see langword="null"/>.</summary>
    public SkippedProperty? FindSkipped(string name)
    {
        foreach (var skipped in SkippedProperties)
        {
            if (string.Equals(skipped.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return skipped;
            }
        }

        return null;
    }

    /// <summary>The position of the field named <paramref name="name"/> in <see cref="Fields"/>, or -1.</summary>
    public int IndexOfField(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].IsNamed(name))
            {
                return i;
            }
        }

        return -1;
    }
}
