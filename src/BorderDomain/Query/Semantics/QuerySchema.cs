using System;

namespace BorderDomain.Query.Semantics;

/// <summary>The entity sets a query may name: the binder's whole view of the world, as plain data.</summary>
/// <param name="Sets">The sets.</param>
public sealed record QuerySchema(EquatableArray<Schema.EntitySetSchema> Sets)
{
    /// <summary>The set named <paramref name="name"/> (ignoring case), or <see langword="null"/>.</summary>
    public Schema.EntitySetSchema? Find(string name)
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
