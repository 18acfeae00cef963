using System;

namespace BorderDomain.Schema;

/// <summary>
/// The entity sets a query may name: the binder's whole view of the world, as plain data. An <see cref="Storage.IQueryStore"/>
/// offers one; <see cref="QuerySets.For{T}"/> gives each set's part.
/// </summary>
/// <param name="Sets">The sets.</param>
public sealed record QuerySchema(EquatableArray<EntitySetSchema> Sets)
{
    /// <summary>The set named <paramref name="name"/> (ignoring case), or <see langword="null"/>.</summary>
    public EntitySetSchema? Find(string name)
    {
        foreach (var set in Sets)
        {
            if (string.Equals(set.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return set;
            }
        }

        return null;
    }
}
